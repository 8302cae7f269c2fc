using Uplink.Dicom;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>One frame of a clip: a byte range of native Pixel Data, or the fragments of an encapsulated frame.</summary>
/// <param name="Element">The native Pixel Data element, or null for encapsulated frames.</param>
/// <param name="Offset">The frame's offset in the native value.</param>
/// <param name="Bytes">The frame's size in bytes.</param>
/// <param name="Fragments">The encapsulated frame's fragments (empty for native).</param>
internal sealed record FrameSlice(DicomElement? Element, long Offset, long Bytes, IReadOnlyList<DicomFragment> Fragments)
{
    public static FrameSlice Native(DicomElement element, long offset, long bytes) => new(element, offset, bytes, []);

    public static FrameSlice Encapsulated(IReadOnlyList<DicomFragment> fragments) =>
        new(null, 0, fragments.Sum(f => f.Length + 8), fragments);

    /// <summary>Consecutive native frames as one Pixel Data element, still on disk when the source was.</summary>
    public static DicomElement JoinNative(DicomVR vr, IReadOnlyList<FrameSlice> frames)
    {
        var element = frames[0].Element!;
        var start = frames[0].Offset;
        var length = frames.Sum(f => f.Bytes);
        return element.Bulk is { } bulk
            ? DicomElement.FromBulk(DicomTags.PixelData, vr, bulk.Slice(start, length))
            : DicomElement.FromBytes(DicomTags.PixelData, vr, element.Bytes.Slice((int)start, (int)length));
    }
}
