using System.Security.Cryptography;

namespace Uplink.Core.Plugins.Trust;

/// <summary>SHA-256 of every file in a plugin folder, keyed by the path relative to it ('/' separated).</summary>
internal static class PluginFileHashes
{
    /// <summary>Hashes every file under a folder.</summary>
    /// <param name="directory">The plugin folder.</param>
    /// <returns>Relative path → lower-case hex SHA-256, ordinally sorted.</returns>
    public static SortedDictionary<string, string> Compute(string directory)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            result[relative] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        return result;
    }

    /// <summary>Compares a folder's files to a record; names every file that was changed, added or removed.</summary>
    /// <param name="expected">The recorded hashes.</param>
    /// <param name="actual">The hashes now.</param>
    /// <returns>The differences, empty when the folder matches.</returns>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var problems = new List<string>();
        foreach (var (file, hash) in actual)
        {
            if (!expected.TryGetValue(file, out var recorded))
            {
                problems.Add($"file '{file}' was added after the plugin was trusted");
            }
            else if (!string.Equals(recorded, hash, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"file '{file}' changed (SHA-256 {hash[..12]}…, trusted {recorded[..Math.Min(12, recorded.Length)]}…)");
            }
        }

        problems.AddRange(expected.Keys.Where(f => !actual.ContainsKey(f)).Select(f => $"file '{f}' was removed"));
        return problems;
    }
}
