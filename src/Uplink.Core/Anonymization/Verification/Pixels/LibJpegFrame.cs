using System.Buffers;
using BitMiracle.LibJpeg.Classic;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>
/// One JPEG stream as LibJpeg.NET (a managed IJG libjpeg port, independent of Uplink's cleaner) reads it: frame
/// geometry, each component's quantised coefficients, and the decoded component planes.
/// </summary>
internal sealed class LibJpegFrame
{
    private LibJpegFrame(int width, int height, JpegComponent[] components, int warnings, byte[] samples)
    {
        Width = width;
        Height = height;
        Components = components;
        Warnings = warnings;
        Samples = samples;
        MaxH = components.Length == 0 ? 1 : components.Max(c => c.H);
        MaxV = components.Length == 0 ? 1 : components.Max(c => c.V);
    }

    public int Width { get; }

    public int Height { get; }

    public JpegComponent[] Components { get; }

    /// <summary>Corrupt-data warnings libjpeg raised while reading (it repairs and goes on; a proof must not).</summary>
    public int Warnings { get; }

    /// <summary>
    /// Decoded samples, interleaved (Components.Length per pixel, rows of Width pixels), plane decodes only. Rented
    /// from <see cref="ArrayPool{T}.Shared"/> (it may be longer than needed): give it back with <see cref="ReturnSamples"/>.
    /// </summary>
    public byte[] Samples { get; private set; }

    public int MaxH { get; }

    public int MaxV { get; }

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
            var rows = new JBLOCK[height][];
            for (var by = 0; by < height; by++)
            {
                rows[by] = arrays[c].Access(by, 1)[0];
            }

            components[c] = new JpegComponent(info.Component_id, info.H_samp_factor, info.V_samp_factor, info.Quant_tbl_no, width, height, rows);
        }

        decompressor.jpeg_finish_decompress();
        return (components, []);
    });

    /// <summary>Decodes to full-resolution samples in the coded colour space, upsampling by replication.</summary>
    /// <param name="jpeg">The stream.</param>
    /// <param name="rows">
    /// Decode the first this many rows only (the rest of <see cref="Samples"/> is then undefined): a caller that
    /// reads the whole stream another way (coefficients) need not pay for pixels it never looks at.
    /// </param>
    /// <returns>The frame with <see cref="Samples"/> filled (no coefficients).</returns>
    /// <exception cref="PixelDataException">LibJpeg.NET cannot decode it.</exception>
    public static LibJpegFrame DecodePlanes(byte[] jpeg, int rows = int.MaxValue) => Run(jpeg, decompressor =>
    {
        // No colour conversion, and no "fancy" (interpolating) upsampling: a chroma sample then covers exactly
        // its own block's pixels, so what a blanked MCU decodes to does not depend on its neighbours.
        decompressor.Out_color_space = decompressor.Jpeg_color_space;
        decompressor.Do_fancy_upsampling = false;
        decompressor.jpeg_start_decompress();
        var stride = decompressor.Output_width * decompressor.Output_components;
        var height = decompressor.Output_height;
        var components = new JpegComponent[decompressor.Output_components];
        for (var c = 0; c < components.Length; c++)
        {
            var info = decompressor.Comp_info[c];
            components[c] = new JpegComponent(info.Component_id, info.H_samp_factor, info.V_samp_factor, info.Quant_tbl_no, 0, 0, []);
        }

        var samples = ArrayPool<byte>.Shared.Rent(stride * height);
        try
        {
            // As many rows per call as the decoder produces at once (an MCU row's worth), not one.
            var buffer = new byte[Math.Max(1, decompressor.Rec_outbuf_height)][];
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = new byte[stride];
            }

            var wanted = Math.Clamp(rows, 0, height);
            while (decompressor.Output_scanline < wanted)
            {
                var y = decompressor.Output_scanline;
                var read = decompressor.jpeg_read_scanlines(buffer, Math.Min(buffer.Length, height - y));
                for (var i = 0; i < read; i++)
                {
                    buffer[i].AsSpan().CopyTo(samples.AsSpan((y + i) * stride, stride));
                }
            }

            if (decompressor.Output_scanline < height)
            {
                decompressor.jpeg_abort_decompress();
            }
            else
            {
                decompressor.jpeg_finish_decompress();
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(samples);
            throw;
        }

        return (components, samples);
    });

    /// <summary>Gives <see cref="Samples"/> back to the pool; the frame has no samples afterwards.</summary>
    public void ReturnSamples()
    {
        if (Samples.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(Samples);
            Samples = [];
        }
    }

    private static LibJpegFrame Run(byte[] jpeg, Func<jpeg_decompress_struct, (JpegComponent[] Components, byte[] Samples)> read)
    {
        var decompressor = new jpeg_decompress_struct(new jpeg_error_mgr());
        try
        {
            using var stream = new MemoryStream(jpeg, writable: false);
            decompressor.jpeg_stdio_src(stream);
            decompressor.jpeg_read_header(true);
            var (components, samples) = read(decompressor);
            return new LibJpegFrame(decompressor.Image_width, decompressor.Image_height, components, decompressor.Err.Num_warnings, samples);
        }
#pragma warning disable CA1031 // LibJpeg.NET reports every error as a bare Exception; each becomes a reason.
        catch (Exception error) when (error is not PixelDataException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new PixelDataException($"LibJpeg.NET cannot read the JPEG stream: {error.Message}", error);
        }
    }
}
