using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>
/// The rules of one SOP class group, indexed: the same answer as <see cref="ProfileRules.RuleFor"/> (the first
/// rule in declaration order that matches, SOP class rules before common ones) with a dictionary lookup per
/// element instead of a scan of every rule. A masked rule declared before an exact one wins, as in the contract.
/// </summary>
internal sealed class RuleIndex
{
    private readonly Dictionary<uint, (int Order, TagRule Rule)> _exact = [];
    private readonly List<(int Order, TagRule Rule)> _masked = [];
    private readonly ProfileRules _rules;

    public RuleIndex(ProfileRules rules, SopClassRules sopClass)
    {
        _rules = rules;
        SopClass = sopClass;
        foreach (var (order, rule) in sopClass.Tags.Concat(rules.Tags).Index())
        {
            if (rule.Mask != uint.MaxValue)
            {
                _masked.Add((order, rule));
            }
            else
            {
                _exact.TryAdd(rule.Tag.Value, (order, rule));
            }
        }

        Required = [.. sopClass.Tags.Concat(rules.Tags).DistinctBy(r => r.Tag).Where(r => r.Required && r.Action != TagAction.Remove)];
    }

    /// <summary>The rules, first per tag, that put an attribute on every instance (computed once, not per instance).</summary>
    public IReadOnlyList<TagRule> Required { get; }

    /// <summary>The SOP class group these rules are for.</summary>
    public SopClassRules SopClass { get; }

    /// <summary>The rule for a tag found at any depth.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The listed rule, or the private or unlisted default.</returns>
    public TagRule For(DicomTag tag)
    {
        var found = _exact.TryGetValue(tag.Value, out var exact) ? exact : (Order: int.MaxValue, Rule: (TagRule?)null);

        // Masked rules are few (overlay and curve groups, private ranges) and kept in declaration order.
        foreach (var (order, masked) in _masked)
        {
            if (order > found.Order)
            {
                break;
            }

            if (masked.Matches(tag))
            {
                return masked;
            }
        }

        return found.Rule ?? new TagRule(tag, tag.IsPrivate ? _rules.PrivateTags : _rules.UnlistedTags);
    }
}
