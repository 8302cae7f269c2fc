using Microsoft.Extensions.Configuration;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Site;

namespace Uplink.Host.Hosting;

/// <summary>The configuration file a verb uses (<c>--config</c> or the default), read and bound.</summary>
/// <param name="Path">The configuration file.</param>
/// <param name="Root">Its contents.</param>
/// <param name="Options">The bound <c>Uplink</c> section, paths resolved.</param>
/// <param name="Selection">The plugin selection.</param>
internal sealed record UplinkConfigurationSource(string Path, IConfigurationRoot Root, UplinkOptions Options, PluginSelection Selection)
{
    /// <summary>The plugin settings section (one sub-section per plugin id).</summary>
    public IConfiguration PluginSettings => Root.GetSection($"{UplinkOptions.SectionName}:Plugins");

    /// <summary>The plugin host's folders.</summary>
    public PluginHostSettings HostSettings => PluginHostSettings.For(Options.PluginsDirectory!, Options.DataDirectory);

    /// <summary>Reads the configuration.</summary>
    /// <param name="configPath">The file given with <c>--config</c>, or null for the default.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist; the message says to run setup.</exception>
    public static UplinkConfigurationSource Load(string? configPath)
    {
        var site = SiteFolder.ReadConfiguration(configPath ?? SiteFolder.DefaultConfigFile);
        return new UplinkConfigurationSource(site.Path, site.Root, site.Options, site.Selection);
    }
}
