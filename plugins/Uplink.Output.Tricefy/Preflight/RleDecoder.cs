using System.Buffers.Binary;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>
/// The RLE Lossless decoder of DICOM PS3.5 Annex G: a frame is a 64-byte header (segment count and
/// fifteen offsets) followed by PackBits segments, one per byte plane of each sample, most significant
/// byte first. The output is native little-endian pixel data, colour-by-pixel or colour-by-plane as
/// the dataset's Planar Configuration says.
/// </summary>
internal static class RleDecoder
{
    private const int HeaderLength = 64;

    /// <summary>Decodes one RLE frame into <paramref name="output"/> (exactly <see cref="PixelGeometry.FrameBytes"/> long).</summary>
    /// <param name="frame">The frame's RLE bytes (its fragments joined).</param>
    /// <param name="geometry">The pixel geometry.</param>
    /// <param name="output">Where the native frame goes.</param>
    /// <param name="frameNumber">For messages: the 1-based frame number.</param>
    /// <exception cref="InvalidDataException">The RLE data is not what Annex G describes; the message says where.</exception>
    public static void DecodeFrame(ReadOnlySpan<byte> frame, PixelGeometry geometry, Span<byte> output, int frameNumber)
    {
        if (frame.Length < HeaderLength)
        {
            throw new InvalidDataException($"RLE frame {frameNumber} has {frame.Length} bytes, fewer than its 64-byte header.");
        }

        var segments = (int)BinaryPrimitives.ReadUInt32LittleEndian(frame);
        var expected = geometry.SamplesPerPixel * geometry.BytesPerSample;
        if (segments != expected)
        {
            throw new InvalidDataException($"RLE frame {frameNumber} has {segments} segments; {geometry.SamplesPerPixel} sample(s) of {geometry.BitsAllocated} bits need {expected}.");
        }

        var plane = new byte[geometry.Pixels];
        for (var s = 0; s < segments; s++)
        {
            var start = (int)BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + (4 * s))..]);
            var end = s + 1 < segments ? (int)BinaryPrimitives.ReadUInt32LittleEndian(frame[(8 + (4 * s))..]) : frame.Length;
            if (start < HeaderLength || end > frame.Length || start > end)
            {
                throw new InvalidDataException($"RLE frame {frameNumber}, segment {s + 1}: offsets {start}..{end} fall outside the frame's {frame.Length} bytes.");
            }

            UnpackBits(frame[start..end], plane, frameNumber, s + 1);
            Scatter(plane, geometry, s, output);
        }
    }

    private static void UnpackBits(ReadOnlySpan<byte> segment, Span<byte> plane, int frameNumber, int segmentNumber)
    {
        var i = 0;
        var o = 0;
        while (o < plane.Length && i < segment.Length)
        {
            var n = (sbyte)segment[i++];
            if (n >= 0)
            {
                var count = n + 1;
                if (i + count > segment.Length || o + count > plane.Length)
                {
                    throw new InvalidDataException($"RLE frame {frameNumber}, segment {segmentNumber}: a literal run of {count} bytes at segment byte {i - 1} overruns the segment or the plane.");
                }

                segment.Slice(i, count).CopyTo(plane[o..]);
                i += count;
                o += count;
            }
            else if (n != -128)
            {
                var count = 1 - n;
                if (i >= segment.Length || o + count > plane.Length)
                {
                    throw new InvalidDataException($"RLE frame {frameNumber}, segment {segmentNumber}: a repeat run of {count} bytes at segment byte {i - 1} overruns the segment or the plane.");
                }

                plane.Slice(o, count).Fill(segment[i++]);
                o += count;
            }
        }

        if (o != plane.Length)
        {
            throw new InvalidDataException($"RLE frame {frameNumber}, segment {segmentNumber} decodes to {o} bytes; the frame needs {plane.Length}.");
        }
    }

    private static void Scatter(ReadOnlySpan<byte> plane, PixelGeometry geometry, int segment, Span<byte> output)
    {
        var bytesPerSample = geometry.BytesPerSample;
        var sample = segment / bytesPerSample;
        var byteInSample = bytesPerSample - 1 - (segment % bytesPerSample);
        var byPlane = geometry.PlanarConfiguration == 1 && geometry.SamplesPerPixel > 1;
        var pixelStride = byPlane ? bytesPerSample : geometry.SamplesPerPixel * bytesPerSample;
        var origin = (byPlane ? sample * geometry.Pixels * bytesPerSample : sample * bytesPerSample) + byteInSample;
        for (var p = 0; p < plane.Length; p++)
        {
            output[(int)(origin + (p * (long)pixelStride))] = plane[p];
        }
    }
}
