using System.Buffers.Binary;

namespace Uplink.Dicom.IO;

/// <summary>Rebuilds File Meta Information for writing: version, SOP class and instance from the dataset,
/// transfer syntax, Uplink's implementation class and version, group length.</summary>
internal static class FileMetaBuilder
{
    /// <summary>Uplink's Implementation Class UID (a fixed UUID-derived UID under 2.25).</summary>
    public const string ImplementationClassUid = "2.25.260410374011916478209451187458066917139";

    /// <summary>Uplink's Implementation Version Name (at most 16 characters).</summary>
    public const string ImplementationVersionName = "UPLINK_DICOM_1";

    public static DicomDataset Build(DicomDataset existing, DicomDataset dataset, DicomTransferSyntax transferSyntax)
    {
        var meta = new DicomDataset();
        foreach (var item in existing)
        {
            if (item is DicomElement && item.Tag.Group == 0x0002 && item.Tag.Element != 0)
            {
                meta.AddOrUpdate(item);
            }
        }

        meta.AddOrUpdate(DicomElement.FromBytes(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 }));
        CopyUid(meta, DicomTags.MediaStorageSOPClassUID, dataset.Get(DicomTags.SOPClassUID) ?? existing.Get(DicomTags.MediaStorageSOPClassUID));
        CopyUid(meta, DicomTags.MediaStorageSOPInstanceUID, dataset.Get(DicomTags.SOPInstanceUID) ?? existing.Get(DicomTags.MediaStorageSOPInstanceUID));
        SetUid(meta, DicomTags.TransferSyntaxUID, transferSyntax.Uid);
        SetUid(meta, DicomTags.ImplementationClassUID, ImplementationClassUid);
        meta.AddOrUpdate(DicomTags.ImplementationVersionName, DicomVR.SH, ImplementationVersionName);

        long length = 0;
        foreach (var item in meta)
        {
            var element = (DicomElement)item;
            var padded = element.Length + (element.Length & 1);
            length += (VRInfo.HasLongLength(element.VR) ? 12 : 8) + padded;
        }

        var groupLength = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, checked((uint)length));
        meta.AddOrUpdate(DicomElement.FromBytes(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, groupLength));
        return meta;
    }

    private static void CopyUid(DicomDataset meta, DicomTag tag, DicomItem? source)
    {
        // The bytes as they are: a UID is ASCII, and a damaged one is copied, not re-encoded.
        var bytes = source is DicomElement { IsBulk: false } element ? element.Bytes : ReadOnlyMemory<byte>.Empty;
        meta.AddOrUpdate(DicomElement.FromBytes(tag, DicomVR.UI, bytes));
    }

    private static void SetUid(DicomDataset meta, DicomTag tag, string uid)
        => meta.AddOrUpdate(tag, DicomVR.UI, uid);
}
