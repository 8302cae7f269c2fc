using System.Collections.ObjectModel;

namespace Uplink.Dicom.IO;

/// <summary>The items of a sequence: keeps each item's <see cref="DicomDataset.Parent"/> pointing at the owner.</summary>
internal sealed class ItemCollection(DicomDataset? owner) : Collection<DicomDataset>
{
    public DicomDataset? Owner
    {
        get => owner;
        set
        {
            owner = value;
            foreach (var item in this)
            {
                item.Parent = value;
            }
        }
    }

    protected override void InsertItem(int index, DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Parent = owner;
        base.InsertItem(index, item);
    }

    protected override void SetItem(int index, DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Parent = owner;
        base.SetItem(index, item);
    }
}
