namespace Uplink.Core.Configuration;

/// <summary>
/// Default locations. The data folder is <c>$UPLINK_DATA</c>, else <c>.uplink-data</c> in the current
/// folder; the configuration file is <c>$UPLINK_CONFIG</c>, else <c>uplink.json</c> in the default data folder.
/// Services set <c>UPLINK_DATA</c> (or pass <c>--config</c>) rather than rely on their working folder.
/// </summary>
internal static class UplinkPaths
{
    /// <summary>The default data folder.</summary>
    public static string DefaultDataDirectory =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("UPLINK_DATA") is { Length: > 0 } data ? data : ".uplink-data");

    /// <summary>The default configuration file.</summary>
    public static string DefaultConfigFile =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("UPLINK_CONFIG") is { Length: > 0 } config ? config : Path.Combine(DefaultDataDirectory, "uplink.json"));

    /// <summary>Resolves a path from the configuration file: relative paths are relative to the file's folder.</summary>
    /// <param name="configFile">The configuration file.</param>
    /// <param name="path">The path as written.</param>
    /// <returns>The absolute path.</returns>
    public static string Resolve(string configFile, string path) =>
        Path.GetFullPath(path, Path.GetDirectoryName(Path.GetFullPath(configFile))!);
}
