using Uplink.Core.Plugins.Trust;
using Uplink.Plugins.Abstractions;

namespace Uplink.Core.Plugins;

/// <summary>One line of the plugin report: what was found, whether it is active and why, trust and status.</summary>
/// <param name="Id">The plugin id (from the manifest, or the folder name when the manifest is bad).</param>
/// <param name="Directory">The plugin's folder, or null when it is missing.</param>
/// <param name="Version">The plugin's own version from its manifest, or null when the manifest could not be read.</param>
/// <param name="Kinds">The kinds of work its manifest declares, or null when the manifest could not be read.</param>
/// <param name="Active">Whether the configuration selects it.</param>
/// <param name="ActiveReason">Why it is (or is not) active.</param>
/// <param name="Trust">The trust decision, when it was made.</param>
/// <param name="Status">Its status.</param>
/// <param name="Reason">Why it has that status, for refusals and faults.</param>
public sealed record PluginState(
    string Id,
    string? Directory,
    string? Version,
    IReadOnlyList<PluginKind>? Kinds,
    bool Active,
    string ActiveReason,
    TrustDecision? Trust,
    PluginStatus Status,
    string? Reason)
{
    /// <summary>Whether the plugin is refused (anything but loaded, not active, or faulted-and-retrying).</summary>
    public bool IsRefused => Status is not (PluginStatus.Loaded or PluginStatus.NotActive or PluginStatus.Faulted);
}
