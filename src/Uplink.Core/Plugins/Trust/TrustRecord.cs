namespace Uplink.Core.Plugins.Trust;

/// <summary>An admin's approval of one plugin: the hash of every file at the time of approval.</summary>
/// <param name="PluginId">The plugin id.</param>
/// <param name="Version">The plugin version that was approved.</param>
/// <param name="TrustedAt">When it was approved.</param>
/// <param name="Files">Relative path → lower-case hex SHA-256.</param>
internal sealed record TrustRecord(
    string PluginId,
    string Version,
    DateTimeOffset TrustedAt,
    IReadOnlyDictionary<string, string> Files);
