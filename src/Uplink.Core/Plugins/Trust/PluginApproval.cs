namespace Uplink.Core.Plugins.Trust;

/// <summary>The outcome of an admin's approval of a plugin (<c>uplink plugins trust ID</c>).</summary>
/// <param name="Approved">Whether the plugin's files were recorded as trusted.</param>
/// <param name="Message">What was recorded where, or why nothing was.</param>
/// <param name="Note">Why an approved plugin will still not load, or <see langword="null"/>.</param>
public sealed record PluginApproval(bool Approved, string Message, string? Note)
{
    /// <summary>
    /// Records the SHA-256 of every file in the folder of the plugin with that id in the data folder's trust store.
    /// Refused when no folder, or more than one, declares the id, or its manifest cannot be read.
    /// </summary>
    /// <param name="settings">Where plugins, data and the bundled lists are.</param>
    /// <param name="pluginId">The plugin's id, ignoring case.</param>
    /// <param name="time">The clock the approval is dated by.</param>
    /// <returns>The outcome.</returns>
    public static PluginApproval Approve(PluginHostSettings settings, string pluginId, TimeProvider time)
    {
        var matches = PluginCatalog.Discover(settings.PluginsDirectory)
            .Where(c => string.Equals(c.Id, pluginId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (matches.Count != 1 || matches[0].Manifest is null || matches[0].Refusal == PluginStatus.DuplicateId)
        {
            var why = matches.Count == 0 ? $"no plugin with id '{pluginId}' in {settings.PluginsDirectory}" : matches[0].Reason ?? string.Empty;
            return new PluginApproval(false, why, null);
        }

        var candidate = matches[0];
        var store = TrustStore.InDataDirectory(settings.DataDirectory);
        var record = new PluginTrust(new BundledPluginList(settings.BundledDirectory), store, time).Approve(candidate.Manifest!, candidate.Directory);
        var note = candidate.Refusal is { } refusal ? $"it will still not load ({refusal}): {candidate.Reason}" : null;
        return new PluginApproval(true, $"Trusted {record.PluginId} {record.Version}: {record.Files.Count} file(s) in {candidate.Directory} recorded in {store.Path}.", note);
    }
}
