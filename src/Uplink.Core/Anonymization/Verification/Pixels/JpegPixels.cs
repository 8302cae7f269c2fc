using BitMiracle.LibJpeg.Classic;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>Decodes a JPEG frame to RGB or gray samples with LibJpeg.NET, for rendering (PNG) and looking.</summary>
internal static class JpegPixels
{
    /// <summary>Decodes one JPEG stream.</summary>
    /// <param name="frame">The stream.</param>
    /// <returns>Interleaved samples (RGB for colour, one gray sample otherwise), width, height, samples per pixel.</returns>
    /// <exception cref="PixelDataException">The stream does not decode.</exception>
    public static (byte[] Samples, int Width, int Height, int Components) Decode(ReadOnlySpan<byte> frame)
    {
        var decompressor = new jpeg_decompress_struct(new jpeg_error_mgr());
        try
        {
            using var stream = new MemoryStream(frame.ToArray(), writable: false);
            decompressor.jpeg_stdio_src(stream);
            decompressor.jpeg_read_header(true);
            decompressor.Out_color_space = decompressor.Num_components == 1 ? J_COLOR_SPACE.JCS_GRAYSCALE : J_COLOR_SPACE.JCS_RGB;
            decompressor.jpeg_start_decompress();
            var (width, height, components) = (decompressor.Output_width, decompressor.Output_height, decompressor.Output_components);
            var samples = new byte[width * height * components];
            var row = new byte[1][] { new byte[width * components] };
            while (decompressor.Output_scanline < height)
            {
                var y = decompressor.Output_scanline;
                decompressor.jpeg_read_scanlines(row, 1);
                row[0].CopyTo(samples, y * width * components);
            }

            decompressor.jpeg_finish_decompress();
            return (samples, width, height, components);
        }
#pragma warning disable CA1031 // LibJpeg.NET reports every error as a bare Exception; each becomes a reason.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new PixelDataException($"LibJpeg.NET cannot decode the JPEG stream: {error.Message}", error);
        }
    }
}
