using System.Buffers.Binary;
using System.IO.Compression;
using Uplink.Dicom.Imaging.Rendering;

namespace Uplink.Dicom.Imaging.Tests.Rendering;

public sealed class PngWriterTests
{
    [Fact]
    public void A_gray_image_is_written_as_signature_header_data_and_end_chunks_with_their_crc()
    {
        var pixels = new byte[] { 1, 2, 3, 4, 5, 6 };
        using var output = new MemoryStream();

        PngWriter.Write(output, 3, 2, isRgb: false, pixels);

        var png = output.ToArray();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(0, png[25]);
        // The IEND chunk and its well-known CRC close every PNG.
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, png[^12..]);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 0, 4, 5, 6 }, Inflate(png));
    }

    [Fact]
    public void An_rgb_image_has_colour_type_2_and_three_bytes_per_pixel()
    {
        using var output = new MemoryStream();

        PngWriter.Write(output, 1, 1, isRgb: true, [9, 8, 7]);

        var png = output.ToArray();
        Assert.Equal(2, png[25]);
        Assert.Equal(new byte[] { 0, 9, 8, 7 }, Inflate(png));
    }

    private static byte[] Inflate(byte[] png)
    {
        var position = 8;
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            if (System.Text.Encoding.ASCII.GetString(png, position + 4, 4) == "IDAT")
            {
                using var zlib = new ZLibStream(new MemoryStream(png, position + 8, length), CompressionMode.Decompress);
                using var inflated = new MemoryStream();
                zlib.CopyTo(inflated);
                return inflated.ToArray();
            }

            position += 12 + length;
        }

        throw new InvalidOperationException("No IDAT chunk.");
    }
}
