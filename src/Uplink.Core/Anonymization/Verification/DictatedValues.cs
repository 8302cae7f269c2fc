using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// The values an output holds because its profile dictates them (replacements, stamps, reduced dates,
/// remapped UIDs), already checked by <see cref="RuleConformance"/>. A source value equal to one of them
/// (a source that was already anonymized, a date already on 1 January) is not a leak.
/// </summary>
internal static class DictatedValues
{
    /// <summary>Collects them from the output.</summary>
    /// <param name="output">The parsed output.</param>
    /// <param name="rules">The declared rules, or null.</param>
    /// <returns>The values, split and trimmed.</returns>
    public static IReadOnlySet<string> Collect(DicomFile output, ProfileRules? rules)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var sopClass = rules?.ForSopClass(output.Dataset.GetString(DicomTags.SOPClassUID));
        if (rules is not null && sopClass is not null)
        {
            Walk(output.Dataset, DeclaredRuleIndex.For(rules, sopClass), values, dictated: false);
        }

        return values;
    }

    private static void Walk(DicomDataset dataset, DeclaredRuleIndex rules, HashSet<string> values, bool dictated)
    {
        foreach (var item in dataset)
        {
            var here = dictated || rules.RuleFor(item.Tag).Action is not (TagAction.Keep or TagAction.Clean or TagAction.Remove);
            if (item is DicomSequence sequence)
            {
                foreach (var child in sequence.Items)
                {
                    Walk(child, rules, values, here);
                }
            }
            else if (here && item is DicomElement { IsBulk: false })
            {
                foreach (var value in (dataset.GetString(item.Tag) ?? string.Empty).Split('\\', '^', '='))
                {
                    values.Add(value.Trim('\0', ' '));
                }
            }
        }
    }
}
