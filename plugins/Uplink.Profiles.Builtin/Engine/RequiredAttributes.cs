using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>
/// Adds the attributes a rule marks <see cref="TagRule.Required"/> when the source lacks them (Type 2 in the
/// accepted IODs), with the rule's value or empty, so that an output never has fewer required attributes than a
/// valid source would.
/// </summary>
internal static class RequiredAttributes
{
    /// <summary>Adds what is missing at the top level.</summary>
    /// <param name="dataset">The anonymized dataset.</param>
    /// <param name="index">The rules in force.</param>
    /// <param name="audit">Records the additions as replacements.</param>
    public static void Add(DicomDataset dataset, RuleIndex index, AuditCollector audit)
    {
        foreach (var rule in index.Required)
        {
            if (dataset.Contains(rule.Tag))
            {
                continue;
            }

            var value = rule.Action is TagAction.Replace or TagAction.Set ? rule.Value ?? string.Empty : string.Empty;
            ElementText.Write(dataset, rule.Tag, DicomVR.None, value);
            audit.Replaced(rule.Tag);
        }
    }
}
