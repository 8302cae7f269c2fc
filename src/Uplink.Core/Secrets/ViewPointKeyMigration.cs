using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Uplink.Core.Configuration;

namespace Uplink.Core.Secrets;

/// <summary>
/// Upgrades a data folder made before the ViewPoint API key was a sealed setting (builds up to contracts 1.2):
/// setup wrote the key in plain text to <c>secrets/viewpoint-api.key</c> and pointed the plugin's <c>ApiKeyFile</c>
/// at it. On start the key is sealed under the name setup now uses, the configuration's <c>ApiKey</c> names it,
/// <c>ApiKeyFile</c> goes and the plain file is deleted, so the key ViewPoint already sends keeps working. A plain
/// <c>ApiKey</c> in the configuration is sealed the same way. A key file elsewhere (managed by another system) is
/// left alone. The only host code that names a plugin's setting: it moves a file the host itself once wrote.
/// Remove at 2.0.
/// </summary>
internal static partial class ViewPointKeyMigration
{
    /// <summary>The plugin whose key moves.</summary>
    public const string PluginId = "Uplink.Input.ViewPoint";

    private const string KeySetting = "ApiKey";
    private const string KeyFileSetting = "ApiKeyFile";
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>The plain key file setup wrote before the key was sealed.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns><c>secrets/viewpoint-api.key</c> in it.</returns>
    public static string LegacyKeyPath(string dataDirectory) => Path.Combine(SiteSecrets.SecretsDirectory(dataDirectory), "viewpoint-api.key");

    /// <summary>Migrates the configuration and data folder when they hold the key in plain text.</summary>
    /// <param name="configPath">The configuration file (rewritten atomically when migrated).</param>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="logger">Where the migration is logged (the file, never the key).</param>
    /// <returns>True when something was migrated (read the configuration again).</returns>
    public static bool Migrate(string configPath, string dataDirectory, ILogger logger)
    {
        var root = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        if (root[UplinkOptions.SectionName]?["Plugins"]?[PluginId] is not JsonObject settings)
        {
            return false;
        }

        var legacy = LegacyKeyPath(dataDirectory);
        var keyFile = settings[KeyFileSetting]?.GetValue<string>();
        var configured = settings[KeySetting]?.GetValue<string>();
        string? plain;
        string from;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (configured.StartsWith(SealedSettings.ReferencePrefix, StringComparison.Ordinal))
            {
                return false;
            }

            (plain, from) = (configured.Trim(), $"{configPath} ({KeySetting})");
        }
        else if ((keyFile is null || SamePath(keyFile, legacy)) && File.Exists(legacy))
        {
            (plain, from) = (File.ReadAllText(legacy).Trim(), legacy);
        }
        else
        {
            return false;
        }

        if (plain.Length == 0)
        {
            return false;
        }

        var reference = SealedSettings.Seal(dataDirectory, SealedSettings.NameFor(PluginId, KeySetting), plain);
        settings[KeySetting] = reference;
        if (keyFile is not null && SamePath(keyFile, legacy))
        {
            settings.Remove(KeyFileSetting);
        }

        var temp = configPath + ".tmp";
        File.WriteAllText(temp, root.ToJsonString(WriteOptions));
        File.Move(temp, configPath, overwrite: true);
        if (File.Exists(legacy))
        {
            // Only once the configuration names the sealed key: a crash before this leaves a working site.
            File.Delete(legacy);
        }

        LogMigrated(logger, from, reference);
        return true;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Upgrade: the ViewPoint API key in {From} is now the sealed setting {Reference}; the plain copy is removed and the key ViewPoint sends still works")]
    private static partial void LogMigrated(ILogger logger, string from, string reference);
}
