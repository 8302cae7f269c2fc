using Microsoft.Extensions.Logging;
using Uplink.Core.Plugins.Loading;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Plugins;

/// <summary>The selected plugins that loaded, each service wrapped so that a throw is contained and reported.</summary>
internal sealed class ActivePlugins : IActivePlugins
{
    private readonly ActivePlugin<IAnonymizationProfile>? _profile;
    private readonly Dictionary<string, GuardedImageSource> _imageSources = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Wraps the services of the loaded plugins that the selection names.</summary>
    /// <param name="selection">What the configuration selects.</param>
    /// <param name="loaded">The plugins that loaded.</param>
    /// <param name="states">The status registry the wrappers report to.</param>
    /// <param name="logger">Where the wrappers log faults.</param>
    public ActivePlugins(PluginSelection selection, IReadOnlyList<LoadedPlugin> loaded, PluginStates states, ILogger logger)
    {
        LoadedPlugin? Find(string id) => loaded.FirstOrDefault(p => string.Equals(p.Manifest.Id, id, StringComparison.OrdinalIgnoreCase));

        Inputs = [.. selection.Inputs.Select(Find).OfType<LoadedPlugin>()
            .SelectMany(p => p.Inputs.Select(i => new ActivePlugin<IInputPlugin>(p.Manifest.Id, new GuardedInput(p.Manifest.Id, i, states, logger))))];
        Outputs = [.. selection.Outputs.Select(Find).OfType<LoadedPlugin>()
            .SelectMany(p => p.Outputs.Select(o => new ActivePlugin<GuardedOutput>(p.Manifest.Id, new GuardedOutput(p.Manifest.Id, o, states, logger))))];
        foreach (var plugin in loaded.Where(p => p.ImageSources.Count > 0))
        {
            _imageSources[plugin.Manifest.Id] = new GuardedImageSource(plugin.Manifest.Id, plugin.ImageSources[0], states, logger);
        }

        (_profile, ProfileProblem) = SelectProfile(selection, Find(selection.ProfilePlugin), states, logger);
    }

    /// <inheritdoc />
    public IReadOnlyList<ActivePlugin<IInputPlugin>> Inputs { get; }

    /// <inheritdoc />
    public ActivePlugin<IAnonymizationProfile> Profile =>
        _profile ?? throw new InvalidOperationException($"The active profile is unavailable: {ProfileProblem}");

    /// <inheritdoc />
    public string? ProfileProblem { get; }

    /// <inheritdoc />
    public IReadOnlyList<ActivePlugin<GuardedOutput>> Outputs { get; }

    /// <inheritdoc />
    public GuardedImageSource? FindImageSource(string pluginId) => _imageSources.GetValueOrDefault(pluginId);

    private static (ActivePlugin<IAnonymizationProfile>?, string?) SelectProfile(PluginSelection selection, LoadedPlugin? plugin, PluginStates states, ILogger logger)
    {
        if (plugin is null)
        {
            var state = states.Find(selection.ProfilePlugin);
            return (null, $"profile {selection.Profile} comes from plugin {selection.ProfilePlugin}, which is {(state is null ? "not installed" : $"{state.Status}: {state.Reason}")}");
        }

        var offered = new List<string>();
        foreach (var profile in plugin.Profiles)
        {
            ProfileDescriptor descriptor;
            try
            {
                descriptor = profile.Descriptor;
            }
            catch (Exception ex)
            {
                PluginLog.Faulted(logger, plugin.Manifest.Id, nameof(IAnonymizationProfile.Descriptor), ExceptionDisclosure.Describe(ex));
                continue;
            }

            if (string.Equals(descriptor.Id, selection.Profile, StringComparison.Ordinal))
            {
                return (new ActivePlugin<IAnonymizationProfile>(plugin.Manifest.Id, new GuardedProfile(plugin.Manifest.Id, profile, descriptor, states, logger)), null);
            }

            offered.Add(descriptor.Id);
        }

        return (null, $"plugin {plugin.Manifest.Id} offers no profile {selection.Profile} (it offers: {(offered.Count == 0 ? "none" : string.Join(", ", offered))})");
    }
}
