using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>
/// Writes the profile's <see cref="TagAction.Set"/> attributes on every anonymized instance: fixed values as
/// declared, and the De-identification Method text and code sequence from the methods actually applied.
/// </summary>
internal static class DeidentificationStamps
{
    private const int LongStringLimit = 64;

    /// <summary>Stamps the dataset.</summary>
    /// <param name="dataset">The anonymized dataset.</param>
    /// <param name="index">The rules in force.</param>
    /// <param name="rules">The profile's rules.</param>
    /// <param name="descriptor">The profile, named in the method text.</param>
    /// <param name="methods">The methods applied.</param>
    public static void Apply(DicomDataset dataset, RuleIndex index, ProfileRules rules, ProfileDescriptor descriptor, IReadOnlyList<MethodCode> methods)
    {
        foreach (var rule in index.SopClass.Tags.Concat(rules.Tags).Where(r => r.Action == TagAction.Set).DistinctBy(r => r.Tag))
        {
            if (rule.Value is not null)
            {
                ElementText.Write(dataset, rule.Tag, DicomVR.None, rule.Value);
            }
            else if (rule.Tag == DicomTags.DeidentificationMethod)
            {
                var text = methods.Select(m => m.Meaning).Prepend($"Uplink {descriptor.Id} {descriptor.Version}")
                    .Select(t => t.Length <= LongStringLimit ? t : t[..LongStringLimit]);
                dataset.AddOrUpdate(rule.Tag, DicomVR.LO, string.Join('\\', text));
            }
            else if (rule.Tag == DicomTags.DeidentificationMethodCodeSequence)
            {
                dataset.AddOrUpdate(CodeSequence(methods));
            }
            else
            {
                throw new InvalidOperationException($"{descriptor.Id}: Set rule {rule.Tag} has no value and is not a stamp Uplink computes.");
            }
        }
    }

    private static DicomSequence CodeSequence(IReadOnlyList<MethodCode> methods)
    {
        var sequence = new DicomSequence(DicomTags.DeidentificationMethodCodeSequence);
        foreach (var method in methods)
        {
            var item = new DicomDataset();
            item.AddOrUpdate(DicomTags.CodeValue, DicomVR.SH, method.Code);
            item.AddOrUpdate(DicomTags.CodingSchemeDesignator, DicomVR.SH, "DCM");
            item.AddOrUpdate(DicomTags.CodeMeaning, DicomVR.LO, method.Meaning);
            sequence.Items.Add(item);
        }

        return sequence;
    }
}
