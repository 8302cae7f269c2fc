using System.Text.Json.Serialization;

namespace Uplink.Profiles.Builtin.Documents;

/// <summary>A group of SOP classes as written in a profile file.</summary>
internal sealed record SopClassDocument
{
    /// <summary>A name for admins.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>SOP Class UIDs, or <c>*</c>.</summary>
    [JsonPropertyName("uids")]
    public IReadOnlyList<string>? Uids { get; init; }

    /// <summary><c>Send</c> or <c>HoldBack</c>.</summary>
    [JsonPropertyName("burnedInAnnotation")]
    public string? BurnedInAnnotation { get; init; }

    /// <summary>Why instances of these classes are discarded, when they are.</summary>
    [JsonPropertyName("discardReason")]
    public string? DiscardReason { get; init; }

    /// <summary>Whether SR content is cleaned.</summary>
    [JsonPropertyName("cleansStructuredContent")]
    public bool CleansStructuredContent { get; init; }

    /// <summary>The group's own rules.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<RuleDocument>? Rules { get; init; }
}
