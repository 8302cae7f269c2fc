namespace Uplink.Input.ViewPoint;

/// <summary>The plugin's id as the host knows it; shares name it as their source.</summary>
/// <param name="PluginId">The id from the manifest.</param>
internal sealed record ViewPointIdentity(string PluginId);
