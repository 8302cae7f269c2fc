using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// Checks an output, element by element at every depth, against the rules its profile declares: every element
/// is one the rules allow, with the value they dictate. Written apart from the profile engine on purpose.
/// </summary>
internal sealed class RuleConformance
{
    private const string DicomRoot = "1.2.840.10008.";
    private readonly ProfileRules _rules;
    private readonly SourceValues _source;
    private readonly IUidRemapper _uids;
    private readonly List<string> _violations;
    private readonly DeclaredRuleIndex _index;
    private readonly bool _cleansPixels;

    private RuleConformance(ProfileRules rules, SopClassRules sopClass, SourceValues source, IUidRemapper uids, List<string> violations)
    {
        (_rules, _source, _uids, _violations) = (rules, source, uids, violations);
        _index = DeclaredRuleIndex.For(rules, sopClass);
        _cleansPixels = sopClass.CleansPixels;
    }

    /// <summary>Checks the output's dataset and adds what is wrong to <paramref name="violations"/>.</summary>
    public static void Check(DicomFile source, DicomFile output, ProfileRules rules, IUidRemapper uids, List<string> violations)
    {
        var sopClassUid = source.Dataset.GetString(DicomTags.SOPClassUID);
        var sopClass = rules.ForSopClass(sopClassUid);
        if (sopClass is null || sopClass.DiscardReason is not null)
        {
            violations.Add($"the profile produced an instance of SOP class {sopClassUid} although its rules do not accept that class");
            return;
        }

        if (output.Dataset.GetString(DicomTags.SOPClassUID) != sopClassUid)
        {
            violations.Add("the SOP Class UID changed");
        }

        var check = new RuleConformance(rules, sopClass, new SourceValues(source.Dataset), uids, violations);
        check.Walk(output.Dataset, stamped: false);
        check.CheckStamps(source.Dataset, output.Dataset);
    }

    private void Walk(DicomDataset dataset, bool stamped)
    {
        foreach (var item in dataset)
        {
            if (item.Tag.Element == 0)
            {
                continue; // group length: structure, no content
            }

            if (stamped)
            {
                continue; // inside a stamp the host checks presence only: its content is the profile's own
            }

            if (_cleansPixels && item.Tag == DicomTags.PixelData && dataset.Parent is null)
            {
                continue; // cleaned pixels differ from the source's by design: the pixel check proves them
            }

            if (_cleansPixels && item.Tag == DicomTags.BurnedInAnnotation && dataset.Parent is null)
            {
                continue; // NO on a cleaned image: the pixel check proves the claim
            }

            CheckItem(dataset, item, _index.RuleFor(item.Tag));
        }
    }

    private void CheckItem(DicomDataset dataset, DicomItem item, TagRule rule)
    {
        var name = new TagName(item.Tag);
        if (rule.Required && item is DicomElement { Length: 0 })
        {
            return; // added empty because the IOD needs it present
        }

        switch (rule.Action)
        {
            case TagAction.Remove:
                _violations.Add($"{name} is present, but the profile removes it");
                break;
            case TagAction.Keep or TagAction.Clean:
                CheckKept(item, name);
                break;
            case TagAction.Empty when item is DicomSequence { Items.Count: > 0 } or DicomElement { Length: > 0 } or DicomFragmentSequence:
                _violations.Add($"{name} must be empty");
                break;
            case TagAction.Replace or TagAction.Set when rule.Value is not null:
                if (Text(dataset, item) != rule.Value)
                {
                    _violations.Add($"{name} does not hold the value the profile dictates");
                }

                break;
            case TagAction.Set when item is DicomSequence sequence:
                foreach (var child in sequence.Items)
                {
                    Walk(child, stamped: true);
                }

                break;
            case TagAction.RemapUid:
                CheckValues(dataset, item, name, v => v.Length == 0 || _source.Texts(item.Tag).Any(s => (s.StartsWith(DicomRoot, StringComparison.Ordinal) ? s : _uids.Remap(s)) == v), "a UID remapped from the source's");
                break;
            case TagAction.DateToYear:
                CheckValues(dataset, item, name, v => v.Length == 0 || (v.Length == 8 && v.EndsWith("0101", StringComparison.Ordinal) && _source.Texts(item.Tag).Any(s => s.StartsWith(v[..4], StringComparison.Ordinal))), "the source's year with 0101");
                break;
            case TagAction.DateToDecade:
                CheckValues(dataset, item, name, v => v.Length == 0 || (v.Length == 8 && v.EndsWith("00101", StringComparison.Ordinal) && _source.Texts(item.Tag).Any(s => s.StartsWith(v[..3], StringComparison.Ordinal))), "the source's decade with 0101");
                break;
            case TagAction.TimeToZero:
                CheckValues(dataset, item, name, v => v is "" or "000000.00", "000000.00");
                break;
        }
    }

    private void CheckKept(DicomItem item, TagName name)
    {
        switch (item)
        {
            case DicomSequence sequence:
                foreach (var child in sequence.Items)
                {
                    Walk(child, stamped: false);
                }

                break;
            case DicomElement { IsBulk: true } bulk when !_source.HasBulkLength(item.Tag, bulk.Length):
            case DicomFragmentSequence fragments when !_source.HasBulkLength(item.Tag, fragments.Fragments.Sum(f => f.Length)):
                _violations.Add($"{name} is kept but its length differs from the source's");
                break;
            case DicomElement { IsBulk: false } element when !_source.HasRaw(item.Tag, element.Bytes.Span):
                _violations.Add($"{name} is kept but its value differs from the source's");
                break;
        }
    }

    private void CheckValues(DicomDataset dataset, DicomItem item, TagName name, Func<string, bool> valid, string expected)
    {
        if (item is not DicomElement || !Text(dataset, item).Split('\\').All(v => valid(v.Trim())))
        {
            _violations.Add($"{name} is not {expected}");
        }
    }

    private void CheckStamps(DicomDataset source, DicomDataset output)
    {
        foreach (var rule in _index.Stamped)
        {
            if (!output.Contains(rule.Tag))
            {
                _violations.Add($"{TagNames.Describe(rule.Tag)} is missing, but the profile puts it on every instance");
            }
        }

        if (_rules.RemovesIdentity && output.GetString(DicomTags.PatientIdentityRemoved)?.Trim() != "YES")
        {
            _violations.Add("Patient Identity Removed (0012,0062) is not YES, but the profile claims to remove identity");
        }

        if (!_cleansPixels && output.GetString(DicomTags.BurnedInAnnotation)?.Trim() == "NO" && source.GetString(DicomTags.BurnedInAnnotation)?.Trim() != "NO")
        {
            _violations.Add("Burned In Annotation (0028,0301) was set to NO, but no pixels were cleaned");
        }
    }

    private static string Text(DicomDataset dataset, DicomItem item) =>
        item is DicomElement { IsBulk: false } element
            ? (element.VR == DicomVR.UN ? SourceValues.Raw(element.Bytes.Span) : dataset.GetString(item.Tag) ?? string.Empty)
            : string.Empty;
}
