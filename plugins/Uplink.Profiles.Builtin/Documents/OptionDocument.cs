using System.Text.Json.Serialization;

namespace Uplink.Profiles.Builtin.Documents;

/// <summary>A selectable option of a profile (for example PS3.15's Retain Device Identity).</summary>
internal sealed record OptionDocument
{
    /// <summary>The DCM code of the option (CID 7050), stamped when the option is selected.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>The code meaning.</summary>
    [JsonPropertyName("meaning")]
    public string? Meaning { get; init; }

    /// <summary>True for the Clean Pixel Data option: every accepted image has its burned-in text cleaned.</summary>
    [JsonPropertyName("cleansPixels")]
    public bool CleansPixels { get; init; }

    /// <summary>Rules that override the profile's when the option is selected.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<RuleDocument>? Rules { get; init; }
}
