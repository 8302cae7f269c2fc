using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>Applies one SOP class's rules to a copy of the source dataset, at every depth.</summary>
internal sealed class DatasetRewriter(RuleIndex rules, IUidRemapper uids, AuditCollector audit)
{
    private const string DicomRoot = "1.2.840.10008.";

    /// <summary>Rewrites the dataset in place (it must be a copy: sequences are edited).</summary>
    /// <param name="dataset">The copy.</param>
    public void Rewrite(DicomDataset dataset)
    {
        foreach (var item in dataset.ToArray())
        {
            if (item.Tag.Element == 0)
            {
                dataset.Remove(item.Tag); // group lengths: the writer recomputes what it needs
                continue;
            }

            var rule = rules.For(item.Tag);
            switch (rule.Action)
            {
                case TagAction.Keep or TagAction.Clean:
                    Keep(dataset, item);
                    break;
                case TagAction.Remove:
                    dataset.Remove(item.Tag);
                    audit.Removed(item.Tag);
                    break;
                case TagAction.Empty:
                    Empty(dataset, item);
                    break;
                case TagAction.Replace or TagAction.Set when rule.Value is not null && item is DicomElement:
                    ElementText.Write(dataset, item.Tag, item.VR, rule.Value);
                    audit.Replaced(item.Tag);
                    break;
                case TagAction.Replace or TagAction.Set:
                    dataset.Remove(item.Tag); // filled in by the stamps
                    audit.Replaced(item.Tag);
                    break;
                case TagAction.RemapUid:
                    Transform(dataset, item, RemapUids, temporal: false);
                    break;
                case TagAction.DateToYear:
                    Transform(dataset, item, TemporalValues.ToYear, temporal: true);
                    break;
                case TagAction.DateToDecade:
                    Transform(dataset, item, TemporalValues.ToDecade, temporal: true);
                    break;
                case TagAction.TimeToZero:
                    Transform(dataset, item, TemporalValues.ToZero, temporal: true);
                    break;
                default:
                    throw new InvalidOperationException($"Rule action {rule.Action} for {item.Tag} is not implemented.");
            }
        }
    }

    private void Keep(DicomDataset dataset, DicomItem item)
    {
        if (item is not DicomSequence sequence)
        {
            audit.Kept(item.Tag);
            return;
        }

        if (rules.SopClass.CleansStructuredContent && item.Tag == DicomTags.ContentSequence)
        {
            audit.ContentCleaned |= StructuredContent.Clean(sequence);
            if (sequence.Items.Count == 0)
            {
                dataset.Remove(item.Tag); // Type 1C: present only when the item has children left
                audit.Removed(item.Tag);
                return;
            }
        }

        audit.Kept(item.Tag);

        foreach (var child in sequence.Items)
        {
            Rewrite(child);
        }
    }

    private void Empty(DicomDataset dataset, DicomItem item)
    {
        if (item is DicomSequence sequence)
        {
            sequence.Items.Clear();
        }
        else
        {
            dataset.AddOrUpdate(DicomElement.FromBytes(item.Tag, ElementText.VrFor(item.Tag, item.VR), ReadOnlyMemory<byte>.Empty));
        }

        audit.Replaced(item.Tag);
    }

    private void Transform(DicomDataset dataset, DicomItem item, Func<string, string> map, bool temporal)
    {
        if (item is not DicomElement element)
        {
            dataset.Remove(item.Tag); // a sequence where a value belongs: nothing safe to keep
            audit.Removed(item.Tag);
            return;
        }

        ElementText.Write(dataset, item.Tag, item.VR, map(ElementText.Read(dataset, element)));
        audit.Replaced(item.Tag, temporal);
    }

    private string RemapUids(string value) =>
        string.Join('\\', value.Split('\\').Select(v => v.Trim('\0', ' ')).Select(v => v.Length == 0 || v.StartsWith(DicomRoot, StringComparison.Ordinal) ? v : uids.Remap(v)));
}
