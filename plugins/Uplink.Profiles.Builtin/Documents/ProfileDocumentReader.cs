using System.Text.Json;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Profiles.Builtin.Engine;

namespace Uplink.Profiles.Builtin.Documents;

/// <summary>Turns a profile file into the definitions it describes: the profile itself and one per combination of its options.</summary>
internal static class ProfileDocumentReader
{
    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads one profile file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's name, for error messages.</param>
    /// <returns>The base profile first, then every option combination (<c>ID+Option+Option</c>).</returns>
    /// <exception cref="InvalidDataException">The file is not a valid profile; the message says where.</exception>
    public static IReadOnlyList<ProfileDefinition> Read(string json, string source)
    {
        ProfileDocument document;
        try
        {
            document = JsonSerializer.Deserialize<ProfileDocument>(json, Json)
                ?? throw new InvalidDataException($"{source}: the file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }

        var reader = new RuleDocumentReader(document, source);
        var options = document.Options ?? new Dictionary<string, OptionDocument>();
        var names = options.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        var definitions = new List<ProfileDefinition>();
        for (var combination = 0; combination < 1 << names.Length; combination++)
        {
            var selected = names.Where((_, i) => (combination & (1 << i)) != 0).ToArray();
            definitions.Add(reader.Build(selected.Select(n => (n, options[n])).ToArray()));
        }

        return definitions;
    }
}
