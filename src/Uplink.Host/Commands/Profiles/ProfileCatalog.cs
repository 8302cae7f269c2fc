using Microsoft.Extensions.Configuration;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Site;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands.Profiles;

/// <summary>
/// The profiles the profile verbs may use: every plugin of kind Profile in the plugins folder, loaded through
/// the plugin host exactly as <c>uplink run</c> loads it (manifest, contracts range, SHA-256 trust against the
/// bundled lists or the admin's approvals, own load context, guarded calls). Refused ones are reported.
/// </summary>
/// <param name="bundledDirectory">The bundled plugins' hash lists (<c>bundled-plugins/</c> beside the binary).</param>
/// <param name="time">The host's clock, handed to the plugins.</param>
internal sealed class ProfileCatalog(string bundledDirectory, TimeProvider time)
{
    /// <summary>The catalog of the running binary: its own <c>bundled-plugins/</c> lists.</summary>
    /// <param name="time">The host's clock.</param>
    public ProfileCatalog(TimeProvider time)
        : this(PluginHostSettings.DefaultBundledDirectory, time)
    {
    }

    /// <summary>
    /// Loads the profiles. The data folder (admin approvals) is that of <c>--config</c>, else of the default
    /// configuration when it exists, else a temporary one (then only bundled plugins are trusted).
    /// </summary>
    /// <param name="pluginsFolder"><c>--plugins DIR</c>, or null for the configuration's (or the default) folder.</param>
    /// <param name="configPath"><c>--config FILE</c>, or null.</param>
    /// <param name="problems">Where each refused plugin is reported, one line each.</param>
    /// <returns>The profiles (dispose to unload them), or null when <c>--config</c> names no file.</returns>
    public LoadedProfiles? Load(string? pluginsFolder, string? configPath, TextWriter problems)
    {
        var config = configPath ?? (File.Exists(SiteFolder.DefaultConfigFile) ? SiteFolder.DefaultConfigFile : null);
        UplinkConfigurationSource? source = null;
        try
        {
            source = config is null ? null : UplinkConfigurationSource.Load(config);
        }
        catch (FileNotFoundException ex)
        {
            problems.WriteLine($"uplink: {ex.Message}");
            return null;
        }

        var temporaryData = source is null ? Directory.CreateTempSubdirectory("uplink-profiles-").FullName : null;
        var settings = new PluginHostSettings(
            Path.GetFullPath(pluginsFolder ?? source?.Options.PluginsDirectory ?? PluginHostSettings.DefaultPluginsDirectory),
            source?.Options.DataDirectory ?? temporaryData!,
            bundledDirectory);
        if (!Directory.Exists(settings.PluginsDirectory))
        {
            problems.WriteLine($"uplink: plugins folder {settings.PluginsDirectory} does not exist.");
        }

        return LoadedProfiles.Load(settings, source?.PluginSettings ?? new ConfigurationBuilder().Build(), time, temporaryData, problems);
    }
}
