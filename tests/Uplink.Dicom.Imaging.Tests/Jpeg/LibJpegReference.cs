using BitMiracle.LibJpeg.Classic;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

/// <summary>Reads a JPEG with LibJpeg.NET, a decoder independent of the cleaner.</summary>
internal static class LibJpegReference
{
    /// <summary>Quantised coefficients per component, blocks in raster order.</summary>
    /// <param name="jpeg">The stream.</param>
    /// <returns>Per component: width in blocks, height in blocks, and the blocks.</returns>
    public static (int Width, int Height, short[][] Blocks)[] Coefficients(byte[] jpeg)
    {
        var decompressor = new jpeg_decompress_struct(new jpeg_error_mgr());
        using var stream = new MemoryStream(jpeg);
        decompressor.jpeg_stdio_src(stream);
        decompressor.jpeg_read_header(true);
        var arrays = decompressor.jpeg_read_coefficients();
        var result = new (int, int, short[][])[decompressor.Num_components];
        for (var c = 0; c < result.Length; c++)
        {
            var info = decompressor.Comp_info[c];
            var width = info.Width_in_blocks;
            // Height_in_blocks is not public; T.81 A.1.1 gives it from the sampling factors (as jdinput.c does).
            var height = ((decompressor.Image_height * info.V_samp_factor) + (8 * decompressor.Max_v_samp_factor) - 1) / (8 * decompressor.Max_v_samp_factor);
            var blocks = new short[width * height][];
            for (var by = 0; by < height; by++)
            {
                var row = arrays[c].Access(by, 1)[0];
                for (var bx = 0; bx < width; bx++)
                {
                    var block = new short[64];
                    for (var k = 0; k < 64; k++)
                    {
                        block[k] = row[bx][k];
                    }

                    blocks[(by * width) + bx] = block;
                }
            }

            result[c] = (width, height, blocks);
        }

        decompressor.jpeg_finish_decompress();
        Assert.Equal(0, decompressor.Err.Num_warnings);
        return result;
    }

    /// <summary>Decodes to full-resolution component planes without colour conversion or fancy upsampling.</summary>
    /// <param name="jpeg">The stream.</param>
    /// <returns>Width, height, components, interleaved samples.</returns>
    public static (int Width, int Height, int Components, byte[] Samples) DecodeRaw(byte[] jpeg)
    {
        var decompressor = new jpeg_decompress_struct(new jpeg_error_mgr());
        using var stream = new MemoryStream(jpeg);
        decompressor.jpeg_stdio_src(stream);
        decompressor.jpeg_read_header(true);
        decompressor.Out_color_space = decompressor.Jpeg_color_space;
        decompressor.Do_fancy_upsampling = false;
        decompressor.jpeg_start_decompress();
        var width = decompressor.Output_width;
        var components = decompressor.Output_components;
        var samples = new byte[width * decompressor.Output_height * components];
        var row = new byte[1][] { new byte[width * components] };
        while (decompressor.Output_scanline < decompressor.Output_height)
        {
            var y = decompressor.Output_scanline;
            decompressor.jpeg_read_scanlines(row, 1);
            row[0].CopyTo(samples, y * width * components);
        }

        decompressor.jpeg_finish_decompress();
        Assert.Equal(0, decompressor.Err.Num_warnings);
        return (width, decompressor.Output_height, components, samples);
    }
}
