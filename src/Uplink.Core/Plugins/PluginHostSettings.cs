using Uplink.Core.Plugins.Trust;

namespace Uplink.Core.Plugins;

/// <summary>Where the plugin host looks.</summary>
/// <param name="PluginsDirectory">The plugins folder (one sub-folder per plugin).</param>
/// <param name="DataDirectory">The data folder (trust store, per-plugin data).</param>
/// <param name="BundledDirectory">The folder of the bundled plugins' hash lists.</param>
public sealed record PluginHostSettings(string PluginsDirectory, string DataDirectory, string BundledDirectory)
{
    /// <summary>The default plugins folder: <c>plugins/</c> beside the running binary.</summary>
    public static string DefaultPluginsDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The default folder of the bundled plugins' hash lists: <c>bundled-plugins/</c> beside the running binary.</summary>
    public static string DefaultBundledDirectory => BundledPluginList.DefaultDirectory;

    /// <summary>Settings with the default bundled-list folder.</summary>
    /// <param name="pluginsDirectory">The plugins folder.</param>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The settings.</returns>
    public static PluginHostSettings For(string pluginsDirectory, string dataDirectory) =>
        new(pluginsDirectory, dataDirectory, BundledPluginList.DefaultDirectory);
}
