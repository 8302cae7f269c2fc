using CsCheck;
using Uplink.Core.Anonymization.Verification;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Profiles.Builtin;
using Uplink.Profiles.Builtin.Engine;

namespace Uplink.Plugins.Tests.Profiles;

/// <summary>
/// The contract's <see cref="ProfileRules.RuleFor"/>, the plugin's <see cref="RuleIndex"/> and the verifier's
/// <see cref="DeclaredRuleIndex"/> must give the same rule for every tag: when they do not, the plugin
/// writes what the verifier refuses (or, worse, the verifier allows what the rules forbid).
/// </summary>
public sealed class RuleLookupAgreementTests
{
    public static TheoryData<string> ShippedProfiles =>
        [.. BuiltinProfiles.Definitions.Select(d => d.Descriptor.Id)];

    [Theory]
    [MemberData(nameof(ShippedProfiles))]
    public void The_three_rule_lookups_agree_on_every_tag(string profileId)
    {
        var rules = BuiltinProfiles.Definitions.Single(d => d.Descriptor.Id == profileId).Rules;
        foreach (var sopClass in rules.SopClasses)
        {
            var plugin = new RuleIndex(rules, sopClass);
            var verifier = DeclaredRuleIndex.For(rules, sopClass);
            Tags(rules, sopClass).Sample(
                tag =>
                {
                    var declared = rules.RuleFor(tag, sopClass);
                    return declared == plugin.For(tag) && declared == verifier.RuleFor(tag);
                },
                iter: 20_000,
                print: tag => $"{tag} in {profileId} / {string.Join(",", sopClass.SopClassUids)}: contract {rules.RuleFor(tag, sopClass)}, plugin {plugin.For(tag)}, verifier {verifier.RuleFor(tag)}");
        }
    }

    [Fact]
    public void A_masked_rule_declared_first_wins_over_a_later_exact_rule_in_every_lookup()
    {
        var masked = new TagRule(new DicomTag(0x6000, 0x0000), TagAction.Remove) { Mask = 0xFF00_0000 };
        var exact = new TagRule(new DicomTag(0x6000, 0x3000), TagAction.Keep);
        var sopClass = new SopClassRules("all", ["*"], [masked]);
        var rules = new ProfileRules(true, TagAction.Remove, TagAction.Remove, [exact], [sopClass]);
        var overlay = new DicomTag(0x6000, 0x3000);

        Assert.Same(masked, rules.RuleFor(overlay, sopClass));
        Assert.Same(masked, new RuleIndex(rules, sopClass).For(overlay));
        Assert.Same(masked, DeclaredRuleIndex.For(rules, sopClass).RuleFor(overlay));
    }

    // Random tags, the rules' own tags, and tags that differ from a masked rule's tag only where the mask ignores:
    // uniform random tags alone would almost never hit a rule.
    private static Gen<DicomTag> Tags(ProfileRules rules, SopClassRules sopClass)
    {
        TagRule[] listed = [.. sopClass.Tags.Concat(rules.Tags)];
        var random = Gen.UInt.Select(DicomTag.FromValue);
        if (listed.Length == 0)
        {
            return random;
        }

        var near = Gen.Select(Gen.Int[0, listed.Length - 1], Gen.UInt, (i, noise) =>
            DicomTag.FromValue((listed[i].Tag.Value & listed[i].Mask) | (noise & ~listed[i].Mask)));
        return Gen.Frequency((1, random), (3, near));
    }
}
