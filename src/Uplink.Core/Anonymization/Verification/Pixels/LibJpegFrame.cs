using BitMiracle.LibJpeg.Classic;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>
/// One JPEG stream as LibJpeg.NET (a managed IJG libjpeg port, independent of Uplink's cleaner) reads it: frame
/// geometry, each component's quantised coefficients, and the decoded component planes.
/// </summary>
internal sealed class LibJpegFrame
{
    private LibJpegFrame(int width, int height, JpegComponent[] components, int warnings)
    {
        Width = width;
        Height = height;
        Components = components;
        Warnings = warnings;
    }

    public int Width { get; }

    public int Height { get; }

    public JpegComponent[] Components { get; }

    /// <summary>Corrupt-data warnings libjpeg raised while reading (it repairs and goes on; a proof must not).</summary>
    public int Warnings { get; }

    public int MaxH => Components.Max(c => c.H);

    public int MaxV => Components.Max(c => c.V);

    /// <summary>Reads the quantised coefficients (jpeg_read_coefficients).</summary>
    /// <param name="jpeg">The stream.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="PixelDataException">LibJpeg.NET cannot read it.</exception>
    public static LibJpegFrame ReadCoefficients(byte[] jpeg) => Run(jpeg, decompressor =>
    {
        var arrays = decompressor.jpeg_read_coefficients();
        var maxV = decompressor.Max_v_samp_factor;
        var components = new JpegComponent[decompressor.Num_components];
        for (var c = 0; c < components.Length; c++)
        {
            var info = decompressor.Comp_info[c];
            var width = info.Width_in_blocks;

            // Height_in_blocks is not public; T.81 A.1.1 gives it from the sampling factors, as jdinput.c does.
            var height = ((decompressor.Image_height * info.V_samp_factor) + (8 * maxV) - 1) / (8 * maxV);
            var coefficients = new short[width * height * 64];
            for (var by = 0; by < height; by++)
            {
                var row = arrays[c].Access(by, 1)[0];
                for (var bx = 0; bx < width; bx++)
                {
                    var at = ((by * width) + bx) * 64;
                    for (var k = 0; k < 64; k++)
                    {
                        coefficients[at + k] = row[bx][k];
                    }
                }
            }

            components[c] = new JpegComponent(info.Component_id, info.H_samp_factor, info.V_samp_factor, info.Quant_tbl_no, width, height, coefficients, []);
        }

        decompressor.jpeg_finish_decompress();
        return components;
    });

    /// <summary>Decodes to full-resolution planes in the coded colour space, upsampling by replication.</summary>
    /// <param name="jpeg">The stream.</param>
    /// <returns>The frame with <see cref="JpegComponent.Plane"/> filled (Width × Height samples each).</returns>
    /// <exception cref="PixelDataException">LibJpeg.NET cannot decode it.</exception>
    public static LibJpegFrame DecodePlanes(byte[] jpeg) => Run(jpeg, decompressor =>
    {
        // No colour conversion, and no "fancy" (interpolating) upsampling: a chroma sample then covers exactly
        // its own block's pixels, so what a blanked MCU decodes to does not depend on its neighbours.
        decompressor.Out_color_space = decompressor.Jpeg_color_space;
        decompressor.Do_fancy_upsampling = false;
        decompressor.jpeg_start_decompress();
        var width = decompressor.Output_width;
        var count = decompressor.Output_components;
        var planes = new byte[count][];
        for (var c = 0; c < count; c++)
        {
            planes[c] = new byte[width * decompressor.Output_height];
        }

        var row = new byte[1][] { new byte[width * count] };
        while (decompressor.Output_scanline < decompressor.Output_height)
        {
            var y = decompressor.Output_scanline;
            decompressor.jpeg_read_scanlines(row, 1);
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < count; c++)
                {
                    planes[c][(y * width) + x] = row[0][(x * count) + c];
                }
            }
        }

        decompressor.jpeg_finish_decompress();
        return [.. Enumerable.Range(0, count).Select(c =>
        {
            var info = decompressor.Comp_info[c];
            return new JpegComponent(info.Component_id, info.H_samp_factor, info.V_samp_factor, info.Quant_tbl_no, 0, 0, [], planes[c]);
        })];
    });

    private static LibJpegFrame Run(byte[] jpeg, Func<jpeg_decompress_struct, JpegComponent[]> read)
    {
        var decompressor = new jpeg_decompress_struct(new jpeg_error_mgr());
        try
        {
            using var stream = new MemoryStream(jpeg, writable: false);
            decompressor.jpeg_stdio_src(stream);
            decompressor.jpeg_read_header(true);
            var components = read(decompressor);
            return new LibJpegFrame(decompressor.Image_width, decompressor.Image_height, components, decompressor.Err.Num_warnings);
        }
#pragma warning disable CA1031 // LibJpeg.NET reports every error as a bare Exception; each becomes a reason.
        catch (Exception error) when (error is not PixelDataException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new PixelDataException($"LibJpeg.NET cannot read the JPEG stream: {error.Message}", error);
        }
    }
}
