using System.Text.Json;
using Uplink.Core.Secrets;

namespace Uplink.Core.Plugins.Trust;

/// <summary>
/// The admin's approvals, one JSON file (<c>trust/plugins.json</c> in the data folder), readable and
/// writable only by the service account.
/// </summary>
/// <param name="path">The store's file.</param>
internal sealed class TrustStore(string path)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>The store's file.</summary>
    public string Path { get; } = path;

    /// <summary>The store in a data folder.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The store.</returns>
    public static TrustStore InDataDirectory(string dataDirectory) =>
        new(System.IO.Path.Combine(dataDirectory, "trust", "plugins.json"));

    /// <summary>The approval of a plugin, or null.</summary>
    /// <param name="pluginId">The plugin id.</param>
    /// <returns>The record, or null.</returns>
    public TrustRecord? Find(string pluginId) => Load().GetValueOrDefault(pluginId);

    /// <summary>Records (or replaces) an approval.</summary>
    /// <param name="record">The approval.</param>
    public void Save(TrustRecord record)
    {
        var all = Load();
        all[record.PluginId] = record;
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        PrivateFiles.CreateDirectory(folder);
        var temp = Path + ".tmp";
        PrivateFiles.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(all, JsonOptions));
        File.Move(temp, Path, overwrite: true);
    }

    private SortedDictionary<string, TrustRecord> Load()
    {
        if (!File.Exists(Path))
        {
            return new(StringComparer.Ordinal);
        }

        var records = JsonSerializer.Deserialize<Dictionary<string, TrustRecord>>(File.ReadAllBytes(Path), JsonOptions);
        return new(records ?? [], StringComparer.Ordinal);
    }
}
