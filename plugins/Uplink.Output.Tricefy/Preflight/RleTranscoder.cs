using Uplink.Dicom;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>
/// Replaces RLE-encapsulated Pixel Data with its native decoding, frame by frame into a file in the
/// staging folder (so a long clip never sits in memory), ready to be written as Explicit VR Little Endian.
/// </summary>
internal static class RleTranscoder
{
    /// <summary>Decodes the dataset's Pixel Data in place (the dataset then points at the decoded file).</summary>
    /// <exception cref="InvalidDataException">The pixel data cannot be decoded; the message says why.</exception>
    public static void Decode(DicomDataset dataset, string stagingFolder)
    {
        if (dataset[DicomTags.PixelData] is not DicomFragmentSequence pixelData)
        {
            throw new InvalidDataException("The RLE file's Pixel Data (7FE0,0010) is not encapsulated.");
        }

        var geometry = PixelGeometry.From(dataset, out var problem)
            ?? throw new InvalidDataException($"The RLE pixel data cannot be decoded: {problem}.");
        var frames = EncapsulatedFrames.Group(pixelData, geometry.Frames, out problem)
            ?? throw new InvalidDataException($"The RLE pixel data cannot be decoded: {problem}.");
        var path = Path.Combine(stagingFolder, "pixels.raw");
        var native = new byte[geometry.FrameBytes];
        long written = 0;
        using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            for (var f = 0; f < frames.Count; f++)
            {
                RleDecoder.DecodeFrame(Join(frames[f]), geometry, native, f + 1);
                output.Write(native);
                written += native.Length;
            }

            if (written % 2 == 1)
            {
                output.WriteByte(0);
            }
        }

        dataset.Remove(DicomTags.ExtendedOffsetTable);
        dataset.Remove(DicomTags.ExtendedOffsetTableLengths);
        var vr = geometry.BitsAllocated > 8 ? DicomVR.OW : DicomVR.OB;
        dataset.AddOrUpdate(DicomElement.FromBulk(DicomTags.PixelData, vr, new BulkDataReference(path, 0, written + (written % 2))));
    }

    private static byte[] Join(IReadOnlyList<DicomFragment> fragments)
    {
        var bytes = new byte[fragments.Sum(f => f.Length)];
        var offset = 0;
        foreach (var fragment in fragments)
        {
            using var stream = fragment.OpenRead();
            stream.ReadExactly(bytes, offset, (int)fragment.Length);
            offset += (int)fragment.Length;
        }

        return bytes;
    }
}
