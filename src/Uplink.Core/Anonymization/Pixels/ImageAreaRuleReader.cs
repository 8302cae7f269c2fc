using System.Text.Json;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>Reads and validates one image-area file; an error names the file, the rule and the field.</summary>
internal static class ImageAreaRuleReader
{
    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };

    /// <summary>Reads the rules of one file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="file">The file's name, for errors and audits.</param>
    /// <returns>The rules, in file order.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid image-area file; the message says where.</exception>
    public static IReadOnlyList<ImageAreaRule> Read(string json, string file)
    {
        ImageAreaRuleFile? document;
        try
        {
            document = JsonSerializer.Deserialize<ImageAreaRuleFile>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not valid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }

        var rules = document?.Rules is { Count: > 0 } r ? r : throw new InvalidDataException($"{file}: 'rules' is missing or empty.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<ImageAreaRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = Validate(rules[i], file, $"rules[{i}]");
            if (!names.Add(rule.Name))
            {
                throw new InvalidDataException($"{file}: rules[{i}] repeats the name '{rule.Name}'.");
            }

            result.Add(rule);
        }

        return result;
    }

    private static ImageAreaRule Validate(ImageAreaRuleDocument document, string file, string where)
    {
        var name = string.IsNullOrWhiteSpace(document.Name) ? throw new InvalidDataException($"{file}: {where}.name is missing.") : document.Name.Trim();
        where = $"{where} ('{name}')";
        var manufacturers = NonEmpty(document.Manufacturers, file, where, "manufacturers");
        var models = NonEmpty(document.Models, file, where, "models");
        if (document.Rows is < 1 or > ushort.MaxValue || document.Columns is < 1 or > ushort.MaxValue)
        {
            throw new InvalidDataException($"{file}: {where}: rows and columns must be between 1 and 65535 (rows {document.Rows}, columns {document.Columns}).");
        }

        var keep = document.Keep is { Count: > 0 } k ? k : throw new InvalidDataException($"{file}: {where}.keep is missing or empty.");
        var rectangles = new List<PixelRectangle>();
        for (var j = 0; j < keep.Count; j++)
        {
            rectangles.Add(Rectangle(keep[j], document.Columns, document.Rows, file, $"{where}.keep[{j}]"));
        }

        return new ImageAreaRule(name, file, manufacturers, models, document.Rows, document.Columns, document.SopClasses ?? [], rectangles);
    }

    private static PixelRectangle Rectangle(int[]? values, int columns, int rows, string file, string where)
    {
        if (values is not { Length: 4 })
        {
            throw new InvalidDataException($"{file}: {where} must be [x0, y0, x1, y1].");
        }

        var (x0, y0, x1, y1) = (values[0], values[1], values[2], values[3]);
        if (x0 < 0 || y0 < 0 || x0 > x1 || y0 > y1)
        {
            throw new InvalidDataException($"{file}: {where} [{x0}, {y0}, {x1}, {y1}] is empty or negative: x0 <= x1 and y0 <= y1, from 0.");
        }

        if (x1 >= columns || y1 >= rows)
        {
            throw new InvalidDataException($"{file}: {where} [{x0}, {y0}, {x1}, {y1}] lies outside the rule's {columns}x{rows} frame (the last column is {columns - 1}, the last row {rows - 1}).");
        }

        return new PixelRectangle(x0, y0, x1, y1);
    }

    private static IReadOnlyList<string> NonEmpty(IReadOnlyList<string>? values, string file, string where, string field) =>
        values is { Count: > 0 } && values.All(v => !string.IsNullOrWhiteSpace(v))
            ? [.. values.Select(v => v.Trim())]
            : throw new InvalidDataException($"{file}: {where}.{field} must list at least one non-empty value.");
}
