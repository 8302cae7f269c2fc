using System.Buffers.Binary;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>
/// The quantisation tables in force at a stream's first scan, read by a walk of its marker segments (LibJpeg.NET
/// does not expose them on the decompressor). Written here, apart from the cleaner's parser, on purpose.
/// </summary>
internal static class JpegQuantizationTables
{
    /// <summary>Reads the DQT segments before the first SOS.</summary>
    /// <param name="jpeg">The stream.</param>
    /// <returns>Tables by id (0–3), each 64 values in stream order, or null where undefined; null when the walk fails.</returns>
    public static int[]?[]? Read(ReadOnlySpan<byte> jpeg)
    {
        var tables = new int[]?[4];
        var position = 2;
        while (position + 4 <= jpeg.Length && jpeg[position] == 0xFF)
        {
            var marker = jpeg[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(position + 2)..]);
            if (marker == 0xDA)
            {
                return tables;
            }

            if (length < 2 || position + 2 + length > jpeg.Length)
            {
                return null;
            }

            if (marker == 0xDB && !ReadSegment(jpeg.Slice(position + 4, length - 2), tables))
            {
                return null;
            }

            position += 2 + length;
        }

        return null;
    }

    private static bool ReadSegment(ReadOnlySpan<byte> segment, int[]?[] tables)
    {
        while (!segment.IsEmpty)
        {
            var wide = segment[0] >> 4 == 1;
            var id = segment[0] & 0x0F;
            var size = wide ? 128 : 64;
            if (id > 3 || segment.Length < 1 + size)
            {
                return false;
            }

            var table = new int[64];
            for (var i = 0; i < 64; i++)
            {
                table[i] = wide ? BinaryPrimitives.ReadUInt16BigEndian(segment[(1 + (2 * i))..]) : segment[1 + i];
            }

            tables[id] = table;
            segment = segment[(1 + size)..];
        }

        return true;
    }
}
