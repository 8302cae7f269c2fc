using Uplink.Dicom;

namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>
/// The rules a profile declares, so that the host's verifier can hold every output to them: each element
/// must be one the rules allow, with the value they dictate. A profile without declared rules is still
/// held to the host's identity-leak scan.
/// </summary>
/// <param name="RemovesIdentity">True when the profile claims to remove the patient's identity: the host then scans every output for the source's identifying values.</param>
/// <param name="UnlistedTags">What happens to a standard attribute no rule lists: <see cref="TagAction.Remove"/> for a whitelist, <see cref="TagAction.Keep"/> for a blacklist.</param>
/// <param name="PrivateTags">What happens to private attributes (odd groups): <see cref="TagAction.Remove"/> or <see cref="TagAction.Keep"/>.</param>
/// <param name="Tags">The common rules, for every SOP class.</param>
/// <param name="SopClasses">The SOP classes the profile accepts, with their own rules; an instance of any other class is set aside.</param>
public sealed record ProfileRules(
    bool RemovesIdentity,
    TagAction UnlistedTags,
    TagAction PrivateTags,
    IReadOnlyList<TagRule> Tags,
    IReadOnlyList<SopClassRules> SopClasses)
{
    /// <summary>Statements for admins shown with the profile's table (what the rules do beyond single attributes).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The rules for a SOP class, or null when the profile does not accept it.</summary>
    /// <param name="sopClassUid">The instance's SOP Class UID.</param>
    /// <returns>The matching group, the <c>*</c> group, or null.</returns>
    public SopClassRules? ForSopClass(string? sopClassUid) =>
        SopClasses.FirstOrDefault(s => sopClassUid is not null && s.SopClassUids.Contains(sopClassUid))
        ?? SopClasses.FirstOrDefault(s => s.SopClassUids.Contains("*"));

    /// <summary>The action for a tag: the SOP class's rule, the common rule, then the private or unlisted default.</summary>
    /// <param name="tag">The tag found at any depth.</param>
    /// <param name="sopClass">The instance's SOP class rules.</param>
    /// <returns>The rule (a synthesized one for a default).</returns>
    /// <remarks>
    /// The reference answer: the plugin's and the verifier's indexed lookups must give the same rule for every
    /// tag (a property test holds them to it). Nothing calls it at run time; it is to leave the contract in 2.0.
    /// </remarks>
    public TagRule RuleFor(DicomTag tag, SopClassRules? sopClass) =>
        sopClass?.Tags.FirstOrDefault(r => r.Matches(tag))
        ?? Tags.FirstOrDefault(r => r.Matches(tag))
        ?? new TagRule(tag, tag.IsPrivate ? PrivateTags : UnlistedTags);
}
