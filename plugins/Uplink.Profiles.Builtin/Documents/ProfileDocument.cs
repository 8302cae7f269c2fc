using System.Text.Json.Serialization;

namespace Uplink.Profiles.Builtin.Documents;

/// <summary>A profile file (<c>profiles/NAME.profile.json</c>) as written.</summary>
internal sealed record ProfileDocument
{
    /// <summary>The profile id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The profile version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>One line for admins.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>Discard</c> or <c>KeepPasswordProtected</c>.</summary>
    [JsonPropertyName("nonDicom")]
    public string? NonDicom { get; init; }

    /// <summary>Whether the profile claims to remove identity.</summary>
    [JsonPropertyName("removesIdentity")]
    public bool RemovesIdentity { get; init; }

    /// <summary>The action for unlisted standard attributes.</summary>
    [JsonPropertyName("unlistedTags")]
    public string? UnlistedTags { get; init; }

    /// <summary>The action for private attributes.</summary>
    [JsonPropertyName("privateTags")]
    public string? PrivateTags { get; init; }

    /// <summary>Statements shown with the profile's table.</summary>
    [JsonPropertyName("notes")]
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>Rules for every SOP class.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<RuleDocument>? Rules { get; init; }

    /// <summary>The accepted SOP classes.</summary>
    [JsonPropertyName("sopClasses")]
    public IReadOnlyList<SopClassDocument>? SopClasses { get; init; }

    /// <summary>Named rule lists that rules may include.</summary>
    [JsonPropertyName("includes")]
    public IReadOnlyDictionary<string, IReadOnlyList<RuleDocument>>? Includes { get; init; }

    /// <summary>Selectable options, by name.</summary>
    [JsonPropertyName("options")]
    public IReadOnlyDictionary<string, OptionDocument>? Options { get; init; }
}
