using System.Text.Json.Serialization;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>One rule of an image-area file, as written.</summary>
internal sealed record ImageAreaRuleDocument
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("manufacturers")]
    public IReadOnlyList<string>? Manufacturers { get; init; }

    [JsonPropertyName("models")]
    public IReadOnlyList<string>? Models { get; init; }

    [JsonPropertyName("rows")]
    public int Rows { get; init; }

    [JsonPropertyName("columns")]
    public int Columns { get; init; }

    [JsonPropertyName("sopClasses")]
    public IReadOnlyList<string>? SopClasses { get; init; }

    /// <summary>Rectangles as <c>[x0, y0, x1, y1]</c>, inclusive, like the Sequence of Ultrasound Regions.</summary>
    [JsonPropertyName("keep")]
    public IReadOnlyList<int[]>? Keep { get; init; }

    /// <summary>Where the numbers come from (a measured file, a vendor document): for the people who maintain the rule.</summary>
    [JsonPropertyName("basis")]
    public string? Basis { get; init; }
}
