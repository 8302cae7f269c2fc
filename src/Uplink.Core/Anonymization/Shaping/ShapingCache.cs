using System.Security.Cryptography;
using System.Text.Json;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// Keeps an output's shaped files in the share's spool with a manifest of their hashes, so a retry resends the
/// very bytes that were verified and recorded instead of shaping again. A manifest whose files are missing or no
/// longer hash to what it says is ignored (the instance is shaped and verified again).
/// </summary>
internal static class ShapingCache
{
    private const string Manifest = "shaped.json";

    /// <summary>The cached files, or null when there are none to trust.</summary>
    /// <param name="folder">The output's shaping folder.</param>
    /// <returns>The files, hashes checked, or null.</returns>
    public static IReadOnlyList<ShapedFile>? Load(string folder)
    {
        var manifest = Path.Combine(folder, Manifest);
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            var entries = JsonSerializer.Deserialize<List<ShapedFile>>(File.ReadAllText(manifest));
            if (entries is null || entries.Count == 0)
            {
                return null;
            }

            var files = entries.Select(e => e with { Path = Path.Combine(folder, Path.GetFileName(e.Path)) }).ToList();
            return files.All(Intact) ? files : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Records the files shaped into the folder (written last, so a manifest means every file is complete).</summary>
    /// <param name="folder">The output's shaping folder.</param>
    /// <param name="files">The verified files.</param>
    public static void Save(string folder, IReadOnlyList<ShapedFile> files)
    {
        var temporary = Path.Combine(folder, $"{Manifest}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(files.Select(f => f with { Path = Path.GetFileName(f.Path) }).ToList()));
        File.Move(temporary, Path.Combine(folder, Manifest), overwrite: true);
    }

    private static bool Intact(ShapedFile file)
    {
        if (!File.Exists(file.Path) || new FileInfo(file.Path).Length != file.Length)
        {
            return false;
        }

        using var stream = File.OpenRead(file.Path);
        return string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), file.Sha256, StringComparison.Ordinal);
    }
}
