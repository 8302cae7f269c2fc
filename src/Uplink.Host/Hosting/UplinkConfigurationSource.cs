using Microsoft.Extensions.Configuration;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;

namespace Uplink.Host.Hosting;

/// <summary>The configuration file a verb uses (<c>--config</c> or the default), read and bound.</summary>
/// <param name="Path">The configuration file.</param>
/// <param name="Root">Its contents.</param>
/// <param name="Options">The bound <c>Uplink</c> section, paths resolved.</param>
internal sealed record UplinkConfigurationSource(string Path, IConfigurationRoot Root, UplinkOptions Options)
{
    /// <summary>The plugin settings section (one sub-section per plugin id).</summary>
    public IConfiguration PluginSettings => Root.GetSection($"{UplinkOptions.SectionName}:Plugins");

    /// <summary>The plugin host's folders.</summary>
    public PluginHostSettings HostSettings => PluginHostSettings.For(Options.PluginsDirectory!, Options.DataDirectory);

    /// <summary>The plugin selection.</summary>
    public PluginSelection Selection => UplinkConfigurationFile.Selection(Options);

    /// <summary>Reads the configuration.</summary>
    /// <param name="configPath">The file given with <c>--config</c>, or null for the default.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist; the message says to run setup.</exception>
    public static UplinkConfigurationSource Load(string? configPath)
    {
        var path = System.IO.Path.GetFullPath(configPath ?? UplinkPaths.DefaultConfigFile);
        var root = UplinkConfigurationFile.Read(path);
        var options = UplinkConfigurationFile.Bind(root, path);
        return new UplinkConfigurationSource(path, SealedSettingResolver.Resolve(root, options.DataDirectory), options);
    }
}
