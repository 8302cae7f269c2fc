using Uplink.Dicom.IO;

namespace Uplink.Dicom;

/// <summary>A sequence of items (VR SQ); each item is a dataset whose <see cref="DicomDataset.Parent"/> is the owner.</summary>
public sealed class DicomSequence : DicomItem
{
    private readonly ItemCollection _items;

    /// <summary>Builds a sequence.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="items">The items, if any.</param>
    public DicomSequence(DicomTag tag, IEnumerable<DicomDataset>? items = null)
        : base(tag, DicomVR.SQ)
    {
        _items = new ItemCollection(null);
        foreach (var item in items ?? [])
        {
            _items.Add(item);
        }
    }

    /// <summary>The items in order.</summary>
    public IList<DicomDataset> Items => _items;

    /// <summary>Points the items at the dataset this sequence belongs to.</summary>
    internal void AttachTo(DicomDataset? owner) => _items.Owner = owner;

    internal override DicomItem DeepClone() => new DicomSequence(Tag, _items.Select(item => item.Clone()));
}
