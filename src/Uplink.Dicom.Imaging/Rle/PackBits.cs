using System.Buffers;

namespace Uplink.Dicom.Imaging.Rle;

/// <summary>The PackBits byte run-length scheme of PS3.5 G.3.1 (one segment of an RLE frame).</summary>
internal static class PackBits
{
    /// <summary>Unpacks a segment into exactly <paramref name="plane"/>.Length bytes.</summary>
    /// <param name="segment">The segment bytes.</param>
    /// <param name="plane">Receives the decoded bytes.</param>
    /// <param name="where">For messages: "RLE frame F, segment S (frame byte O)".</param>
    /// <param name="segmentOffset">The segment's offset in the frame, added to positions in messages.</param>
    public static void Unpack(ReadOnlySpan<byte> segment, Span<byte> plane, string where, long segmentOffset)
    {
        var i = 0;
        var o = 0;
        while (o < plane.Length && i < segment.Length)
        {
            var header = i;
            var n = (sbyte)segment[i++];
            if (n >= 0)
            {
                var count = n + 1;
                if (i + count > segment.Length)
                {
                    throw new PixelDataException($"{where}: a literal run of {count} bytes at frame byte {segmentOffset + header} runs past the segment's end.");
                }

                if (o + count > plane.Length)
                {
                    throw new PixelDataException($"{where}: a literal run of {count} bytes at frame byte {segmentOffset + header} decodes past the {plane.Length} bytes of the plane (too many bytes).");
                }

                segment.Slice(i, count).CopyTo(plane[o..]);
                i += count;
                o += count;
            }
            else if (n != -128)
            {
                var count = 1 - n;
                if (i >= segment.Length)
                {
                    throw new PixelDataException($"{where}: a repeat run at frame byte {segmentOffset + header} has no byte to repeat.");
                }

                if (o + count > plane.Length)
                {
                    throw new PixelDataException($"{where}: a repeat run of {count} bytes at frame byte {segmentOffset + header} decodes past the {plane.Length} bytes of the plane (too many bytes).");
                }

                plane.Slice(o, count).Fill(segment[i++]);
                o += count;
            }
        }

        if (o != plane.Length)
        {
            throw new PixelDataException($"{where} decodes to {o} bytes (too few); the plane needs {plane.Length}.");
        }

        // What follows a full plane may only be padding: one even-length pad byte, or no-op codes.
        var rest = segment[i..];
        if (rest.Length > 1 && rest.ContainsAnyExcept((byte)0x00, (byte)0x80))
        {
            throw new PixelDataException($"{where}: {rest.Length} bytes remain at frame byte {segmentOffset + i} after the plane is complete (too many bytes).");
        }
    }

    /// <summary>Packs one row (runs never cross a row, as G.3.1 requires) and appends it.</summary>
    /// <param name="row">The row's bytes of one plane.</param>
    /// <param name="output">Where the packed bytes go.</param>
    public static void PackRow(ReadOnlySpan<byte> row, IBufferWriter<byte> output)
    {
        var i = 0;
        while (i < row.Length)
        {
            var run = RunLength(row, i);
            if (run >= 2)
            {
                var target = output.GetSpan(2);
                target[0] = (byte)(sbyte)(1 - run);
                target[1] = row[i];
                output.Advance(2);
                i += run;
                continue;
            }

            // A literal ends where a repeat of three or more starts (a repeat of two costs the same as a literal).
            var start = i++;
            while (i < row.Length && i - start < 128 && !(i + 2 < row.Length && row[i] == row[i + 1] && row[i] == row[i + 2]))
            {
                i++;
            }

            var count = i - start;
            var literal = output.GetSpan(count + 1);
            literal[0] = (byte)(count - 1);
            row.Slice(start, count).CopyTo(literal[1..]);
            output.Advance(count + 1);
        }
    }

    private static int RunLength(ReadOnlySpan<byte> row, int start)
    {
        var end = start + 1;
        while (end < row.Length && end - start < 128 && row[end] == row[start])
        {
            end++;
        }

        return end - start;
    }
}
