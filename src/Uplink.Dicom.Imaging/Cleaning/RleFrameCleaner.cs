using System.Buffers;
using Uplink.Dicom.Imaging.Native;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Dicom.Imaging.Cleaning;

/// <summary>Cleans RLE Lossless frames: decode, blank outside the kept area, encode again (lossless throughout).</summary>
public sealed class RleFrameCleaner : IEncapsulatedFrameCleaner
{
    /// <inheritdoc />
    public bool Handles(string transferSyntaxUid) => string.Equals(transferSyntaxUid, RleCodec.TransferSyntaxUid, StringComparison.Ordinal);

    /// <inheritdoc />
    public KeptArea CleanFrame(ReadOnlySpan<byte> frame, ImageGeometry geometry, KeptArea area, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var length = (int)geometry.FrameLength;
        var native = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = native.AsSpan(0, length);
            RleCodec.Decode(frame, geometry, span, -1);
            NativeFrameBlanker.Blank(span, geometry, area);
            RleCodec.Encode(span, geometry, output);
            return area;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(native);
        }
    }
}
