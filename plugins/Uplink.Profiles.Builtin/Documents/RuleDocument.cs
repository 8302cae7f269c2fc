using System.Text.Json.Serialization;

namespace Uplink.Profiles.Builtin.Documents;

/// <summary>One rule as written in a profile file.</summary>
internal sealed record RuleDocument
{
    /// <summary>A dictionary keyword (<c>PatientName</c>) or eight hex digits with <c>x</c> for repeating positions (<c>60xx3000</c>).</summary>
    [JsonPropertyName("tag")]
    public string? Tag { get; init; }

    /// <summary>The action's name (<see cref="Plugins.Abstractions.Profiles.TagAction"/>).</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary>The value for Replace and Set.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Whether the attribute is added (with the value, or empty) when the source lacks it.</summary>
    [JsonPropertyName("required")]
    public bool Required { get; init; }

    /// <summary>A remark shown in the profile's table.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>The name of a shared rule list to include here instead of one rule.</summary>
    [JsonPropertyName("include")]
    public string? Include { get; init; }
}
