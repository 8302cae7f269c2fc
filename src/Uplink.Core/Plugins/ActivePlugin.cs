namespace Uplink.Core.Plugins;

/// <summary>A plugin service with the id of the plugin that provides it.</summary>
/// <typeparam name="T">The contract.</typeparam>
/// <param name="PluginId">The plugin's manifest id.</param>
/// <param name="Instance">The service, resolved from the plugin's own provider.</param>
internal sealed record ActivePlugin<T>(string PluginId, T Instance)
    where T : class;
