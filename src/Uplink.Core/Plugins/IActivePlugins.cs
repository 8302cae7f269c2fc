using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Plugins;

/// <summary>
/// The plugins the active configuration selected, loaded and configured, as the pipeline sees them.
/// Every instance returned here is already wrapped so that a throw is contained and reported.
/// </summary>
internal interface IActivePlugins
{
    /// <summary>The active inputs, with their plugin ids.</summary>
    IReadOnlyList<ActivePlugin<IInputPlugin>> Inputs { get; }

    /// <summary>The active anonymization profile.</summary>
    /// <exception cref="InvalidOperationException">
    /// The profile is unavailable (its plugin was refused, or offers no profile of that id); the message
    /// is <see cref="ProfileProblem"/>. Callers fail closed: nothing is anonymized or sent.
    /// </exception>
    ActivePlugin<IAnonymizationProfile> Profile { get; }

    /// <summary>Why the active profile is unavailable, or <see langword="null"/> when it is available.</summary>
    string? ProfileProblem { get; }

    /// <summary>
    /// The active outputs, with their plugin ids, each guarded: typed as such so the pipeline reaches an output's
    /// optional non-DICOM channel and acceptance declaration without testing its type.
    /// </summary>
    IReadOnlyList<ActivePlugin<GuardedOutput>> Outputs { get; }

    /// <summary>The guarded image source registered by an input plugin, or null when it has none.</summary>
    /// <param name="pluginId">The input plugin's id (a share's <see cref="ShareRequest.SourcePluginId"/>).</param>
    /// <returns>The image source, or <see langword="null"/>.</returns>
    GuardedImageSource? FindImageSource(string pluginId);
}
