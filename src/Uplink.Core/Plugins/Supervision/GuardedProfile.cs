using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>
/// A profile whose throws set the instance aside (fail closed). The exception's message is not
/// logged or kept: it may quote the patient data the profile was working on.
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
            PluginLog.Faulted(logger, pluginId, nameof(Anonymize), ex.GetType().Name, "(message withheld: it may quote patient data)");
            states.MarkFaulted(pluginId, $"profile threw {ex.GetType().Name}");
            return AnonymizationOutcome.SetAside($"profile {Descriptor.Id} of plugin {pluginId} failed ({ex.GetType().Name})");
        }
    }
}
