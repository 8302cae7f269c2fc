using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>
/// The rules of one SOP class group, indexed: the same answer as <see cref="ProfileRules.RuleFor"/>
/// with a dictionary lookup per element instead of a scan of every rule.
/// </summary>
internal sealed class RuleIndex
{
    private readonly Dictionary<uint, TagRule> _exact = [];
    private readonly List<TagRule> _masked = [];
    private readonly ProfileRules _rules;

    public RuleIndex(ProfileRules rules, SopClassRules sopClass)
    {
        _rules = rules;
        SopClass = sopClass;
        foreach (var rule in sopClass.Tags.Concat(rules.Tags))
        {
            if (rule.Mask != uint.MaxValue)
            {
                _masked.Add(rule);
            }
            else
            {
                _exact.TryAdd(rule.Tag.Value, rule);
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
        if (_exact.TryGetValue(tag.Value, out var rule))
        {
            return rule;
        }

        foreach (var masked in _masked)
        {
            if (masked.Matches(tag))
            {
                return masked;
            }
        }

        return new TagRule(tag, tag.IsPrivate ? _rules.PrivateTags : _rules.UnlistedTags);
    }
}
