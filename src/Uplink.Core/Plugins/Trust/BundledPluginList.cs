namespace Uplink.Core.Plugins.Trust;

/// <summary>
/// The hash lists of the plugins shipped with Uplink. The build writes one file per bundled plugin,
/// <c>bundled-plugins/&lt;id&gt;.sha256</c> beside the <c>uplink</c> binary (outside the plugins folder, so
/// dropping a folder into <c>plugins/</c> cannot make it bundled), in <c>sha256sum</c> format.
/// </summary>
/// <param name="directory">The folder holding the lists.</param>
internal sealed class BundledPluginList(string directory)
{
    /// <summary>The default folder: <c>bundled-plugins/</c> beside the running binary.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "bundled-plugins");

    /// <summary>The folder holding the lists.</summary>
    public string Directory { get; } = directory;

    /// <summary>Reads the hash list of a bundled plugin.</summary>
    /// <param name="pluginId">The plugin id.</param>
    /// <returns>Relative path → SHA-256, or null when the plugin is not bundled.</returns>
    public IReadOnlyDictionary<string, string>? Find(string pluginId)
    {
        var path = Path.Combine(Directory, pluginId + ".sha256");
        if (!File.Exists(path))
        {
            return null;
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                hashes[line[(space + 1)..].TrimStart(' ', '*').Replace('\\', '/')] = line[..space];
            }
        }

        return hashes;
    }
}
