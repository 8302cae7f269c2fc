using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>
/// The one catch site around a profile: its throws set the instance aside (fail closed). What of the
/// exception is quoted is <see cref="ExceptionDisclosure"/>'s decision (the type, never the message).
/// </summary>
/// <param name="pluginId">The plugin id.</param>
/// <param name="inner">The plugin's profile.</param>
/// <param name="descriptor">The profile's descriptor, read once when it was activated.</param>
/// <param name="states">The status registry.</param>
/// <param name="logger">Where faults are logged.</param>
internal sealed class GuardedProfile(string pluginId, IAnonymizationProfile inner, ProfileDescriptor descriptor, PluginStates states, ILogger logger) : IAnonymizationProfile
{
    /// <inheritdoc />
    public ProfileDescriptor Descriptor { get; } = descriptor;

    /// <inheritdoc />
    public AnonymizationOutcome Anonymize(AnonymizationRequest request)
    {
        try
        {
            return inner.Anonymize(request)
                ?? AnonymizationOutcome.SetAside($"profile {Descriptor.Id} of plugin {pluginId} returned no outcome");
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(logger, pluginId, nameof(Anonymize), ExceptionDisclosure.Describe(ex));
            states.MarkFaulted(pluginId, ExceptionDisclosure.Threw("profile", ex));
            return AnonymizationOutcome.SetAside($"profile {Descriptor.Id} of plugin {pluginId} failed ({ExceptionDisclosure.Describe(ex)})");
        }
    }
}
