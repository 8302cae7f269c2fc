using System.Buffers;
using System.Buffers.Binary;

namespace Uplink.Dicom.Imaging.Rle;

/// <summary>
/// RLE Lossless (1.2.840.10008.1.2.5, PS3.5 Annex G): a frame is a 64-byte header (segment count, fifteen
/// offsets) then one PackBits segment per byte of each sample, most significant byte first. Decoded frames are
/// native little endian, colour-by-pixel or colour-by-plane as Planar Configuration says (as dcmtk's dcmdrle
/// writes them).
/// </summary>
public static class RleCodec
{
    /// <summary>The transfer syntax UID of RLE Lossless.</summary>
    public const string TransferSyntaxUid = "1.2.840.10008.1.2.5";

    private const int HeaderLength = 64;

    /// <summary>Decodes one RLE frame into native layout.</summary>
    /// <param name="frame">The frame's RLE bytes (its fragments joined).</param>
    /// <param name="geometry">The image geometry.</param>
    /// <param name="output">Receives <see cref="ImageGeometry.FrameLength"/> bytes.</param>
    /// <param name="frameIndex">For messages: the 0-based frame index, or -1 when the caller names the frame itself.</param>
    /// <exception cref="PixelDataException">The frame is not what Annex G describes; the message names frame, segment and byte offset.</exception>
    public static void Decode(ReadOnlySpan<byte> frame, ImageGeometry geometry, Span<byte> output, int frameIndex)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        CheckGeometry(geometry);
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, geometry.FrameLength);
        if (frame.Length < HeaderLength)
        {
            throw new PixelDataException($"{Frame(frameIndex)} has {frame.Length} bytes, fewer than its 64-byte header.");
        }

        var segments = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        var expected = geometry.SamplesPerPixel * geometry.BytesPerSample;
        if (segments != expected)
        {
            throw new PixelDataException($"{Frame(frameIndex)} declares {segments} segments; {geometry.SamplesPerPixel} sample(s) of {geometry.BitsAllocated} bits need {expected}.");
        }

        var bounds = SegmentBounds(frame, expected, frameIndex);
        var plane = ArrayPool<byte>.Shared.Rent((int)geometry.PixelsPerFrame);
        try
        {
            var target = plane.AsSpan(0, (int)geometry.PixelsPerFrame);
            for (var s = 0; s < expected; s++)
            {
                var (start, end) = bounds[s];
                PackBits.Unpack(frame[start..end], target, $"{Frame(frameIndex)}, segment {s + 1} (byte {start})", start);
                Scatter(target, geometry, s, output);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plane);
        }
    }

    /// <summary>Encodes one native frame as RLE: header, then even-length segments.</summary>
    /// <param name="frame">The native frame, <see cref="ImageGeometry.FrameLength"/> bytes, little endian.</param>
    /// <param name="geometry">The image geometry.</param>
    /// <param name="output">Where the RLE frame goes; its length is even.</param>
    /// <exception cref="PixelDataException">The geometry cannot be RLE coded (YBR_FULL_422, more than 15 segments).</exception>
    public static void Encode(ReadOnlySpan<byte> frame, ImageGeometry geometry, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(output);
        CheckGeometry(geometry);
        ArgumentOutOfRangeException.ThrowIfLessThan(frame.Length, geometry.FrameLength);
        var segments = geometry.SamplesPerPixel * geometry.BytesPerSample;
        var packed = new ArrayBufferWriter<byte>((int)Math.Min(geometry.FrameLength + 1024, int.MaxValue / 2));
        Span<uint> offsets = stackalloc uint[15];
        var row = new byte[geometry.Columns];
        for (var s = 0; s < segments; s++)
        {
            offsets[s] = checked((uint)(HeaderLength + packed.WrittenCount));
            for (var y = 0; y < geometry.Rows; y++)
            {
                Gather(frame, geometry, s, y, row);
                PackBits.PackRow(row, packed);
            }

            if (packed.WrittenCount % 2 == 1)
            {
                packed.GetSpan(1)[0] = 0;
                packed.Advance(1);
            }
        }

        var header = output.GetSpan(HeaderLength)[..HeaderLength];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)segments);
        for (var s = 0; s < segments; s++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(4 + (4 * s))..], offsets[s]);
        }

        output.Advance(HeaderLength);
        output.Write(packed.WrittenSpan);
    }

    // Every offset is checked before any segment is decoded, so a hostile header fails on what is wrong with it.
    private static (int Start, int End)[] SegmentBounds(ReadOnlySpan<byte> frame, int segments, int frameIndex)
    {
        var bounds = new (int Start, int End)[segments];
        for (var s = 0; s < segments; s++)
        {
            long start = BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + (4 * s))..]);
            long end = s + 1 < segments ? BinaryPrimitives.ReadUInt32LittleEndian(frame[(8 + (4 * s))..]) : frame.Length;
            if (s == 0 && start != HeaderLength)
            {
                throw new PixelDataException($"{Frame(frameIndex)}, segment 1 starts at byte {start}; the first segment follows the 64-byte header.");
            }

            if (start > frame.Length || end > frame.Length)
            {
                throw new PixelDataException($"{Frame(frameIndex)}, segment {s + 1}: offset {Math.Max(start, end)} lies outside the frame's {frame.Length} bytes.");
            }

            if (end <= start)
            {
                throw new PixelDataException($"{Frame(frameIndex)}, segment {s + 1}: offsets decrease or repeat (segment at byte {start}, next at byte {end}).");
            }

            bounds[s] = ((int)start, (int)end);
        }

        return bounds;
    }

    // Per-frame cleaners do not know which frame they hold (the caller names it): they pass -1.
    private static string Frame(int frameIndex) => frameIndex >= 0 ? $"RLE frame {frameIndex}" : "RLE frame";

    private static void CheckGeometry(ImageGeometry geometry)
    {
        if (geometry.Photometric is Photometric.YbrFull422 or Photometric.YbrPartial422 or Photometric.YbrPartial420)
        {
            throw new PixelDataException($"RLE Lossless cannot hold {geometry.PhotometricInterpretation} (PS3.5 G.2 codes every sample of every pixel).");
        }
    }

    // Segment s holds byte (bytes - 1 - s % bytes) of sample s / bytes: most significant byte first.
    private static (long Origin, int Stride) Layout(ImageGeometry geometry, int segment)
    {
        var bytes = geometry.BytesPerSample;
        var sample = segment / bytes;
        var byteInSample = bytes - 1 - (segment % bytes);
        var byPlane = geometry.PlanarConfiguration == 1 && geometry.SamplesPerPixel > 1;
        var stride = byPlane ? bytes : geometry.SamplesPerPixel * bytes;
        var origin = (byPlane ? sample * geometry.PixelsPerFrame * bytes : sample * bytes) + byteInSample;
        return (origin, stride);
    }

    private static void Scatter(ReadOnlySpan<byte> plane, ImageGeometry geometry, int segment, Span<byte> output)
    {
        var (origin, stride) = Layout(geometry, segment);
        if (stride == 1)
        {
            plane.CopyTo(output[(int)origin..]);
            return;
        }

        // Frames are at most ImageGeometry.MaxFrameLength bytes, so int indices cannot overflow.
        var target = output[(int)origin..];
        for (int p = 0, o = 0; p < plane.Length; p++, o += stride)
        {
            target[o] = plane[p];
        }
    }

    private static void Gather(ReadOnlySpan<byte> frame, ImageGeometry geometry, int segment, int y, Span<byte> row)
    {
        var (origin, stride) = Layout(geometry, segment);
        var source = frame[(int)(origin + ((long)y * geometry.Columns * stride))..];
        if (stride == 1)
        {
            source[..row.Length].CopyTo(row);
            return;
        }

        for (int x = 0, i = 0; x < row.Length; x++, i += stride)
        {
            row[x] = source[i];
        }
    }
}
