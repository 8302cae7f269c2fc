using System.Runtime.CompilerServices;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// The verifier's own lookup of a declared rule by tag: the same answer as <see cref="ProfileRules.RuleFor"/>,
/// by dictionary for exact tags, built once per SOP class group and reused for every instance.
/// </summary>
internal sealed class DeclaredRuleIndex
{
    private static readonly ConditionalWeakTable<SopClassRules, DeclaredRuleIndex> Cache = [];
    private readonly Dictionary<uint, (int Order, TagRule Rule)> _exact = [];
    private readonly List<(int Order, TagRule Rule)> _masked = [];
    private readonly TagAction _private;
    private readonly TagAction _unlisted;

    private DeclaredRuleIndex(ProfileRules rules, SopClassRules sopClass)
    {
        (_private, _unlisted) = (rules.PrivateTags, rules.UnlistedTags);
        var order = 0;
        foreach (var rule in sopClass.Tags.Concat(rules.Tags))
        {
            if (rule.Mask == uint.MaxValue)
            {
                _exact.TryAdd(rule.Tag.Value, (order, rule));
            }
            else
            {
                _masked.Add((order, rule));
            }

            order++;
        }

        Stamped = [.. sopClass.Tags.Concat(rules.Tags).DistinctBy(r => r.Tag).Where(r => r.Action == TagAction.Set || (r.Required && r.Action != TagAction.Remove))];
    }

    /// <summary>The rules, first per tag, that put an attribute on every instance (computed once, not per instance).</summary>
    public IReadOnlyList<TagRule> Stamped { get; }

    /// <summary>The index for a SOP class group of a profile's rules.</summary>
    public static DeclaredRuleIndex For(ProfileRules rules, SopClassRules sopClass) =>
        Cache.GetValue(sopClass, s => new DeclaredRuleIndex(rules, s));

    /// <summary>The rule for a tag at any depth: the first rule in declaration order that matches, else the default.</summary>
    public TagRule RuleFor(DicomTag tag)
    {
        var found = _exact.TryGetValue(tag.Value, out var exact) ? exact : (Order: int.MaxValue, Rule: (TagRule?)null);
        foreach (var (order, rule) in _masked)
        {
            if (order < found.Order && rule.Matches(tag))
            {
                found = (order, rule);
            }
        }

        return found.Rule ?? new TagRule(tag, tag.IsPrivate ? _private : _unlisted);
    }
}
