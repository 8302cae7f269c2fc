using Microsoft.Extensions.Logging;
using Uplink.Core.Configuration;
using Uplink.Core.Secrets;

namespace Uplink.Core.Site;

/// <summary>
/// What the host's commands do to a site's folders, as one small entry: set a site up for an expert code
/// (configuration file plus site secrets), store a plugin's setting (plain or sealed), read the configuration
/// back with its sealed settings opened, read the keys the host needs, and migrate a folder an older version
/// made. The files' layout and the sealing stay inside Core, so the host cannot come to depend on them.
/// </summary>
public static class SiteFolder
{
    /// <summary>The default data folder: <c>$UPLINK_DATA</c>, else <c>.uplink-data</c> in the current folder.</summary>
    public static string DefaultDataDirectory => UplinkPaths.DefaultDataDirectory;

    /// <summary>The default configuration file: <c>$UPLINK_CONFIG</c>, else <c>uplink.json</c> in the default data folder.</summary>
    public static string DefaultConfigFile => UplinkPaths.DefaultConfigFile;

    /// <summary>The folder in a data folder that holds the site secrets and the sealed settings (owner-only).</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The path of <c>secrets/</c>.</returns>
    public static string SecretsDirectory(string dataDirectory) => SiteSecrets.SecretsDirectory(dataDirectory);

    /// <summary>
    /// Applies an expert code: creates the data folder (owner-only), writes the configuration file for the code,
    /// and creates the site secrets that are absent (existing ones are kept, so a second run changes no key).
    /// </summary>
    /// <param name="code">The expert code (its settings are written as the plugins' settings).</param>
    /// <param name="configPath">The configuration file to write (replaced).</param>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="pluginsDirectory">The plugins folder to record, or null for the default beside the binary.</param>
    /// <returns>Whether the secrets were kept or created, and where.</returns>
    public static SiteSecretsOutcome SetUp(ExpertCode code, string configPath, string dataDirectory, string? pluginsDirectory)
    {
        ArgumentNullException.ThrowIfNull(code);
        var kept = File.Exists(SiteSecrets.UidKeyPath(dataDirectory)) && File.Exists(SiteSecrets.AdminKeyPath(dataDirectory));
        PrivateFiles.CreateDirectory(dataDirectory);
        UplinkConfigurationFile.Write(configPath, code, dataDirectory, pluginsDirectory);
        SiteSecrets.EnsureCreated(dataDirectory);
        return new SiteSecretsOutcome(kept, SiteSecrets.SecretsDirectory(dataDirectory), Path.GetFileName(SiteSecrets.AdminKeyPath(dataDirectory)));
    }

    /// <summary>Sets one plugin setting in the configuration file as written (a plain value or a sealed reference).</summary>
    /// <param name="configPath">The configuration file.</param>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="key">The setting's key.</param>
    /// <param name="value">The value to write.</param>
    public static void SetPluginSetting(string configPath, string pluginId, string key, string value) =>
        UplinkConfigurationFile.SetPluginSetting(configPath, pluginId, key, value);

    /// <summary>
    /// Seals a plugin's secret setting in the data folder's secrets and returns the reference
    /// (<c>sealed:NAME</c>) to put in the configuration in its place; reading the configuration opens it again.
    /// </summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="key">The setting's key.</param>
    /// <param name="value">The plain value (never written in plain text).</param>
    /// <returns>The reference for the configuration.</returns>
    public static string SealSetting(string dataDirectory, string pluginId, string key, string value) =>
        SealedSettings.Seal(dataDirectory, SealedSettings.NameFor(pluginId, key), value);

    /// <summary>Reads a configuration file, binds its <c>Uplink</c> section and opens its sealed settings.</summary>
    /// <param name="configPath">The configuration file.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist; the message says to run setup.</exception>
    public static SiteConfiguration ReadConfiguration(string configPath)
    {
        var path = Path.GetFullPath(configPath);
        var root = UplinkConfigurationFile.Read(path);
        var options = UplinkConfigurationFile.Bind(root, path);
        return new SiteConfiguration(path, SealedSettingResolver.Resolve(root, options.DataDirectory), options, UplinkConfigurationFile.Selection(options));
    }

    /// <summary>Reads the site's UID key (the HMAC key that remaps DICOM UIDs for this site).</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The 32-byte key.</returns>
    /// <exception cref="InvalidOperationException">The key is missing or malformed; the message names the file and says to run setup.</exception>
    public static byte[] ReadUidKey(string dataDirectory) => SiteSecrets.ReadUidKey(dataDirectory);

    /// <summary>Reads the admin key the admin listener expects, or null when setup has not created it yet (or it is too short to trust).</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The key, or null.</returns>
    public static string? ReadAdminKey(string dataDirectory) => SiteSecrets.ReadAdminKey(dataDirectory);

    /// <summary>
    /// Brings a data folder an older version made up to date before the host starts: today, moves the
    /// ViewPoint API key from its plain file into a sealed setting of the ViewPoint input.
    /// </summary>
    /// <param name="configPath">The configuration file.</param>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="logger">Where to say what was migrated.</param>
    /// <returns>True when something was migrated.</returns>
    public static bool MigrateOlderFolder(string configPath, string dataDirectory, ILogger logger) =>
        ViewPointKeyMigration.Migrate(configPath, dataDirectory, logger);
}
