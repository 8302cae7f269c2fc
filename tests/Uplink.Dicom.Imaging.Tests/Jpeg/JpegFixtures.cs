using BitMiracle.LibJpeg.Classic;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

/// <summary>
/// Synthetic ultrasound-like frames encoded by LibJpeg.NET (an independent encoder): a textured image with a
/// dark top banner holding bright bars where a name would be.
/// </summary>
internal static class JpegFixtures
{
    public const int BannerHeight = 40;

    /// <summary>Encodes a synthetic frame.</summary>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="components">1 (gray) or 3 (YCbCr from RGB).</param>
    /// <param name="h">Luma horizontal sampling (chroma is 1).</param>
    /// <param name="v">Luma vertical sampling.</param>
    /// <param name="restartInterval">MCUs per restart interval, 0 for none.</param>
    /// <param name="optimize">Optimal Huffman tables instead of the standard ones.</param>
    /// <param name="quality">IJG quality.</param>
    /// <param name="seed">Noise seed.</param>
    /// <param name="rgbCoded">Code the three components as R, G, B (Adobe transform 0) instead of YCbCr (JFIF).</param>
    /// <returns>The JPEG stream.</returns>
    public static byte[] Encode(int width, int height, int components, int h = 1, int v = 1, int restartInterval = 0, bool optimize = false, int quality = 85, int seed = 1, bool rgbCoded = false)
    {
        var samples = Synthesize(width, height, components, seed);
        var compressor = new jpeg_compress_struct(new jpeg_error_mgr());
        using var stream = new MemoryStream();
        compressor.jpeg_stdio_dest(stream);
        compressor.Image_width = width;
        compressor.Image_height = height;
        compressor.Input_components = components;
        compressor.In_color_space = components == 1 ? J_COLOR_SPACE.JCS_GRAYSCALE : J_COLOR_SPACE.JCS_RGB;
        compressor.jpeg_set_defaults();
        compressor.jpeg_set_quality(quality, true);
        if (rgbCoded)
        {
            compressor.jpeg_set_colorspace(J_COLOR_SPACE.JCS_RGB);
        }
        if (components == 3)
        {
            compressor.Component_info[0].H_samp_factor = h;
            compressor.Component_info[0].V_samp_factor = v;
            for (var i = 1; i < 3; i++)
            {
                compressor.Component_info[i].H_samp_factor = 1;
                compressor.Component_info[i].V_samp_factor = 1;
            }
        }

        compressor.Optimize_coding = optimize;
        compressor.Restart_interval = restartInterval;
        // LibJpeg.NET's fancy h2v1 downsampler throws "Not implemented yet"; the plain one is enough here.
        compressor.do_fancy_downsampling = false;

        compressor.jpeg_start_compress(true);
        var stride = width * components;
        var row = new byte[1][];
        for (var y = 0; y < height; y++)
        {
            row[0] = samples.AsSpan(y * stride, stride).ToArray();
            compressor.jpeg_write_scanlines(row, 1);
        }

        compressor.jpeg_finish_compress();
        return stream.ToArray();
    }

    private static byte[] Synthesize(int width, int height, int components, int seed)
    {
        var random = new Random(seed);
        var samples = new byte[width * height * components];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inBanner = y < BannerHeight;
                var text = inBanner && y is >= 10 and < 30 && (x / 6) % 3 != 0 && x > 16 && x < width / 2;
                var level = inBanner ? (text ? 240 : 10) : 40 + ((x * 120 / width) + (y * 60 / height)) + random.Next(0, 30);
                for (var c = 0; c < components; c++)
                {
                    samples[(((y * width) + x) * components) + c] = (byte)Math.Clamp(level + (c * 15 * (inBanner ? 0 : 1)), 0, 255);
                }
            }
        }

        return samples;
    }
}
