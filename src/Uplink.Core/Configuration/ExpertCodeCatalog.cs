using System.Text.Json;
using System.Text.Json.Nodes;

namespace Uplink.Core.Configuration;

/// <summary>
/// The expert codes, as data: <c>profiles/expert-codes.json</c> (copied beside the <c>uplink</c> binary).
/// Each code names a profile, the plugin providing it, the inputs, the outputs and their settings.
/// </summary>
public sealed class ExpertCodeCatalog
{
    private ExpertCodeCatalog(IReadOnlyList<ExpertCode> codes, string defaultCode)
    {
        Codes = codes;
        DefaultCode = defaultCode;
    }

    /// <summary>The catalog's default location: <c>profiles/expert-codes.json</c> beside the binary.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "profiles", "expert-codes.json");

    /// <summary>Every code, in file order.</summary>
    public IReadOnlyList<ExpertCode> Codes { get; }

    /// <summary>The code the wizard proposes.</summary>
    public string DefaultCode { get; }

    /// <summary>Finds a code (case-insensitive).</summary>
    /// <param name="code">The code as typed.</param>
    /// <returns>The code, or null.</returns>
    public ExpertCode? Find(string code) =>
        Codes.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and validates the catalog.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid catalog; the message names the code and field.</exception>
    public static ExpertCodeCatalog Load(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {ex.Message}", ex);
        }

        var codes = root?["codes"] as JsonArray ?? throw new InvalidDataException($"{path}: 'codes' must be an array");
        var list = new List<ExpertCode>();
        foreach (var (node, index) in codes.Select((n, i) => (n, i)))
        {
            var code = ReadCode(node as JsonObject ?? throw new InvalidDataException($"{path}: codes[{index}] must be an object"), $"{path}: codes[{index}]");
            if (list.Any(c => string.Equals(c.Code, code.Code, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidDataException($"{path}: codes[{index}]: code '{code.Code}' appears twice");
            }

            list.Add(code);
        }

        var defaultCode = (string?)root!["default"] ?? list.FirstOrDefault()?.Code
            ?? throw new InvalidDataException($"{path}: no expert codes");
        if (!list.Any(c => c.Code == defaultCode))
        {
            throw new InvalidDataException($"{path}: 'default' names '{defaultCode}', which is not one of the codes");
        }

        return new ExpertCodeCatalog(list, defaultCode);
    }

    private static ExpertCode ReadCode(JsonObject node, string where)
    {
        string Text(string name) => node[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new InvalidDataException($"{where}: '{name}' must be a non-empty string");

        string[] Ids(string name) => node[name] is JsonArray array && array.Count > 0
            ? [.. array.Select(n => (string?)n ?? throw new InvalidDataException($"{where}: '{name}' holds a non-string"))]
            : throw new InvalidDataException($"{where}: '{name}' must be a non-empty array of plugin ids");

        var settings = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        if (node["settings"] is JsonObject all)
        {
            foreach (var (id, value) in all)
            {
                settings[id] = value as JsonObject ?? throw new InvalidDataException($"{where}: settings of '{id}' must be an object");
            }
        }

        return new ExpertCode(Text("code"), (string?)node["description"] ?? string.Empty, Text("profile"), Text("profilePlugin"), Ids("inputs"), Ids("outputs"), settings);
    }
}
