using Uplink.Dicom;

namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>One attribute (or a repeating group such as <c>60xx3000</c>) and what the profile does with it.</summary>
/// <param name="Tag">The tag; for a repeating group, the tag with the repeating digits set to zero.</param>
/// <param name="Action">What is done with it.</param>
/// <param name="Value">The value for <see cref="TagAction.Replace"/> and <see cref="TagAction.Set"/>.</param>
public sealed record TagRule(DicomTag Tag, TagAction Action, string? Value = null)
{
    /// <summary>Bits of <see cref="DicomTag.Value"/> that must match; <c>0xFF00FFFF</c> for <c>60xx3000</c>. All ones by default.</summary>
    public uint Mask { get; init; } = uint.MaxValue;

    /// <summary>A remark for admins, shown in the profile's table (for example why an attribute is emptied rather than removed).</summary>
    public string? Note { get; init; }

    /// <summary>
    /// True when the attribute must be present in every output (Type 2 in the accepted IODs): when the source
    /// lacks it, the profile adds it with the rule's value, or empty. An empty value always satisfies the rule.
    /// </summary>
    public bool Required { get; init; }

    /// <summary>True when <paramref name="tag"/> is this rule's tag (or one of its repeating group).</summary>
    /// <param name="tag">The tag found in a dataset.</param>
    /// <returns>Whether the rule applies.</returns>
    public bool Matches(DicomTag tag) => (tag.Value & Mask) == (Tag.Value & Mask);
}
