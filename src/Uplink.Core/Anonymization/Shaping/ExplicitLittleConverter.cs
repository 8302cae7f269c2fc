using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// Rewrites an instance as Explicit VR Little Endian: native syntaxes (Implicit VR, Big Endian, deflated) by
/// writing the same dataset again, RLE Lossless by decoding every frame with <see cref="RleCodec"/> into a raw file
/// that the new Pixel Data points at, so a clip of any size passes through the memory of one frame.
/// </summary>
internal static class ExplicitLittleConverter
{
    /// <summary>The transfer syntaxes Uplink converts, losslessly, to Explicit VR Little Endian.</summary>
    public static readonly IReadOnlySet<string> Convertible = new HashSet<string>(StringComparer.Ordinal)
    {
        DicomTransferSyntax.ImplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ExplicitVRBigEndian.Uid,
        DicomTransferSyntax.DeflatedExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.RleLossless.Uid,
    };

    /// <summary>Writes the converted file.</summary>
    /// <param name="source">The verified instance.</param>
    /// <param name="rawPath">Where decoded RLE frames go (the new Pixel Data's bulk file).</param>
    /// <param name="outputPath">Where the converted file goes.</param>
    /// <exception cref="PixelDataException">An RLE frame does not decode; the message names it.</exception>
    public static void Write(DicomFile source, string rawPath, string outputPath)
    {
        var dataset = source.Dataset.Clone();
        if (source.TransferSyntax.Uid == RleCodec.TransferSyntaxUid)
        {
            var written = DecodeTo(source, rawPath);
            var vr = FrameLayout.Of(dataset).BitsAllocated > 8 ? DicomVR.OW : DicomVR.OB;
            dataset.Remove(DicomTags.ExtendedOffsetTable);
            dataset.Remove(DicomTags.ExtendedOffsetTableLengths);
            dataset.AddOrUpdate(DicomElement.FromBulk(DicomTags.PixelData, vr, new BulkDataReference(rawPath, 0, written)));
        }

        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(outputPath);
    }

    private static long DecodeTo(DicomFile source, string rawPath)
    {
        using var frames = FrameSource.Open(source);
        long written = 0;
        using var output = new FileStream(rawPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        for (var f = 0; f < frames.FrameCount; f++)
        {
            var frame = frames.Read(f);
            output.Write(frame.Span);
            written += frame.Length;
        }

        if (written % 2 == 1)
        {
            output.WriteByte(0);
            written++;
        }

        return written;
    }
}
