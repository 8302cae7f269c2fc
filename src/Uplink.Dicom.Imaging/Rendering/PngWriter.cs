using System.Buffers.Binary;
using System.IO.Compression;

namespace Uplink.Dicom.Imaging.Rendering;

/// <summary>Writes 8-bit grayscale or RGB pixels as a PNG (no filtering, zlib through <see cref="ZLibStream"/>).</summary>
public static class PngWriter
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes the image.</summary>
    /// <param name="output">Where the PNG goes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="isRgb">True for R, G, B bytes per pixel; false for one gray byte.</param>
    /// <param name="pixels">Rows top to bottom, <paramref name="width"/> x (1 or 3) bytes each.</param>
    public static void Write(Stream output, int width, int height, bool isRgb, ReadOnlySpan<byte> pixels)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var stride = width * (isRgb ? 3 : 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels.Length, (long)stride * height);
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;
        header[9] = (byte)(isRgb ? 2 : 0);
        WriteChunk(output, "IHDR"u8, header);

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(pixels.Slice(y * stride, stride));
            }
        }

        WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(output, "IEND"u8, []);
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Append(0, type), data));
        output.Write(word);
    }
}
