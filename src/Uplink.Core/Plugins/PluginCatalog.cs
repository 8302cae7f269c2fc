using Uplink.Core.Plugins.Manifest;
using Uplink.Plugins.Abstractions;

namespace Uplink.Core.Plugins;

/// <summary>
/// Finds the plugins in the plugins folder (one sub-folder each) and reads their manifests without
/// loading any code: bad manifests, contracts ranges that exclude this host, entry assemblies compiled
/// against another contracts major (read from their metadata), and duplicate ids are refused here.
/// </summary>
internal static class PluginCatalog
{
    /// <summary>Scans a plugins folder.</summary>
    /// <param name="pluginsDirectory">The plugins folder; a missing folder has no plugins.</param>
    /// <returns>Every sub-folder, ordered by folder name.</returns>
    public static IReadOnlyList<PluginCandidate> Discover(string pluginsDirectory)
    {
        if (!Directory.Exists(pluginsDirectory))
        {
            return [];
        }

        var candidates = Directory.EnumerateDirectories(pluginsDirectory)
            .Order(StringComparer.Ordinal)
            .Select(ReadCandidate)
            .ToList();
        return MarkDuplicates(candidates);
    }

    private static PluginCandidate ReadCandidate(string directory)
    {
        PluginManifest manifest;
        try
        {
            manifest = PluginManifestReader.Read(directory);
        }
        catch (PluginManifestException ex)
        {
            return new PluginCandidate(Path.GetFileName(directory), directory, null, PluginStatus.InvalidManifest, ex.Message);
        }
        catch (IOException ex)
        {
            return new PluginCandidate(Path.GetFileName(directory), directory, null, PluginStatus.InvalidManifest, $"{directory}: {ex.Message}");
        }

        if (!manifest.Contracts.Includes(ContractsVersion.Major, ContractsVersion.Minor))
        {
            return new PluginCandidate(manifest.Id, directory, manifest, PluginStatus.IncompatibleContracts,
                $"built for contracts {manifest.Contracts}, this host provides {ContractsVersion.Text}; not loaded");
        }

        if (ContractsReference.Mismatch(Path.Combine(directory, manifest.EntryAssembly), manifest) is { } mismatch)
        {
            return new PluginCandidate(manifest.Id, directory, manifest, PluginStatus.IncompatibleContracts, mismatch);
        }

        return new PluginCandidate(manifest.Id, directory, manifest, null, null);
    }

    private static List<PluginCandidate> MarkDuplicates(List<PluginCandidate> candidates)
    {
        var groups = candidates.Where(c => c.Manifest is not null)
            .GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Directory).ToArray(), StringComparer.OrdinalIgnoreCase);
        return [.. candidates.Select(c => c.Manifest is not null && groups.TryGetValue(c.Id, out var folders)
            ? c with
            {
                Refusal = PluginStatus.DuplicateId,
                Reason = $"id '{c.Id}' is declared by {folders.Length} folders ({string.Join(", ", folders.Select(Path.GetFileName))}); none of them is loaded",
            }
            : c)];
    }
}
