using Uplink.Core.Plugins.Manifest;

namespace Uplink.Core.Plugins;

/// <summary>A folder found in the plugins folder, with its manifest or why it is refused before any trust check.</summary>
/// <param name="Id">The manifest id, or the folder name when the manifest is bad.</param>
/// <param name="Directory">The folder.</param>
/// <param name="Manifest">The manifest, when valid.</param>
/// <param name="Refusal">The refusal status, or null when the candidate may go on to the trust check.</param>
/// <param name="Reason">Why it is refused.</param>
internal sealed record PluginCandidate(string Id, string Directory, PluginManifest? Manifest, PluginStatus? Refusal, string? Reason);
