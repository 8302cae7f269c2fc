using System.Text.Json;
using System.Text.RegularExpressions;
using Uplink.Plugins.Abstractions;

namespace Uplink.Core.Plugins.Manifest;

/// <summary>Reads and validates <c>plugin.json</c>; every error names the file and the field.</summary>
internal static partial class PluginManifestReader
{
    /// <summary>Reads the manifest in a plugin folder.</summary>
    /// <param name="pluginDirectory">The plugin's folder.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="PluginManifestException">The file is missing or not valid.</exception>
    public static PluginManifest Read(string pluginDirectory)
    {
        var path = Path.Combine(pluginDirectory, PluginManifest.FileName);
        if (!File.Exists(path))
        {
            throw new PluginManifestException($"{path}: no {PluginManifest.FileName} in the plugin folder");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Parse(document.RootElement, path, pluginDirectory);
        }
        catch (JsonException ex)
        {
            throw new PluginManifestException($"{path}: not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}", ex);
        }
    }

    private static PluginManifest Parse(JsonElement root, string path, string pluginDirectory)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PluginManifestException($"{path}: the manifest must be a JSON object");
        }

        var id = RequiredString(root, "id", path);
        if (!IdPattern().IsMatch(id))
        {
            throw new PluginManifestException($"{path}: field 'id' value '{id}' is not a valid id (letters, digits, '.', '-', '_'; at most 100 characters)");
        }

        var entry = RequiredString(root, "entryAssembly", path);
        if (entry != Path.GetFileName(entry) || !entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginManifestException($"{path}: field 'entryAssembly' value '{entry}' must be a .dll file name inside the plugin folder");
        }

        if (!File.Exists(Path.Combine(pluginDirectory, entry)))
        {
            throw new PluginManifestException($"{path}: field 'entryAssembly' names '{entry}', which is not in the plugin folder");
        }

        var rangeText = RequiredString(root, "contracts", path);
        ContractsRange range;
        try
        {
            range = ContractsRange.Parse(rangeText);
        }
        catch (FormatException ex)
        {
            throw new PluginManifestException($"{path}: field 'contracts' value '{rangeText}': {ex.Message}", ex);
        }

        return new PluginManifest(
            id,
            RequiredString(root, "version", path),
            ReadKinds(root, path),
            entry,
            range,
            OptionalString(root, "description", path),
            OptionalString(root, "vendor", path));
    }

    private static PluginKind[] ReadKinds(JsonElement root, string path)
    {
        if (!root.TryGetProperty("kinds", out var kinds) || kinds.ValueKind != JsonValueKind.Array || kinds.GetArrayLength() == 0)
        {
            throw new PluginManifestException($"{path}: field 'kinds' must be a non-empty array of Input, Profile, Output");
        }

        var result = new List<PluginKind>();
        foreach (var kind in kinds.EnumerateArray())
        {
            var text = kind.ValueKind == JsonValueKind.String ? kind.GetString() : kind.GetRawText();
            if (!Enum.TryParse<PluginKind>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(text, out _))
            {
                throw new PluginManifestException($"{path}: field 'kinds' has unknown kind '{text}' (expected Input, Profile, Output)");
            }

            if (!result.Contains(parsed))
            {
                result.Add(parsed);
            }
        }

        return [.. result];
    }

    private static string RequiredString(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new PluginManifestException($"{path}: field '{name}' is missing");
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new PluginManifestException($"{path}: field '{name}' must be a non-empty string");
        }

        return value.GetString()!.Trim();
    }

    private static string OptionalString(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return string.Empty;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new PluginManifestException($"{path}: field '{name}' must be a string");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
