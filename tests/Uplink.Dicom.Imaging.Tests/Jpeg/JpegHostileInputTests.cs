using System.Diagnostics;
using BitMiracle.LibJpeg.Classic;
using CsCheck;
using Uplink.Dicom.Imaging.Jpeg;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

public sealed class JpegHostileInputTests
{
    private static readonly byte[] Plain = JpegFixtures.Encode(48, 40, 3, 2, 1);
    private static readonly byte[] WithRestarts = JpegFixtures.Encode(48, 40, 3, 2, 2, restartInterval: 1, optimize: true);

    [Fact]
    public void A_stream_truncated_anywhere_is_refused_with_a_pixel_data_error()
    {
        foreach (var source in new[] { Plain, WithRestarts })
        {
            for (var length = 0; length < source.Length; length++)
            {
                Refused(source[..length]);
            }
        }
    }

    [Fact]
    public void Flipped_bytes_in_the_entropy_data_give_a_pixel_data_error_or_a_clean_stream()
    {
        var start = EntropyStart(WithRestarts);
        Gen.Select(Gen.Int[start, WithRestarts.Length - 3], Gen.Byte, Gen.Int[start, WithRestarts.Length - 3], Gen.Byte)
            .Sample((at1, b1, at2, b2) =>
            {
                var corrupt = (byte[])WithRestarts.Clone();
                corrupt[at1] = b1;
                corrupt[at2] = b2;
                CleanedOrRefused(corrupt);
            }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Random_bytes_after_a_valid_header_give_a_pixel_data_error_or_a_clean_stream()
    {
        Gen.Select(Gen.Int[0, Plain.Length - 1], Gen.Byte.Array[1, 8])
            .Sample((at, bytes) =>
            {
                var corrupt = (byte[])Plain.Clone();
                bytes.AsSpan(0, Math.Min(bytes.Length, corrupt.Length - at)).CopyTo(corrupt.AsSpan(at));
                CleanedOrRefused(corrupt);
            }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Huge_declared_dimensions_are_refused_before_anything_is_allocated_for_them()
    {
        var huge = (byte[])Plain.Clone();
        var sof = huge.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        huge.AsSpan(sof + 5, 4).Fill(0xFF);
        var clock = Stopwatch.StartNew();

        var error = Refused(huge, new KeptArea(65535, 65535, [new PixelRectangle(0, 100, 65534, 65534)]));

        Assert.Contains("65535x65535", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_stream_without_huffman_tables_is_refused_naming_the_missing_table()
    {
        var source = Plain.ToList();
        int dht;
        while ((dht = source.ToArray().AsSpan().IndexOf([(byte)0xFF, (byte)0xC4])) >= 0)
        {
            source.RemoveRange(dht, 2 + ((source[dht + 2] << 8) | source[dht + 3]));
        }

        var error = Refused([.. source]);

        Assert.Contains("DHT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0xC3, "lossless (SOF3)")]
    [InlineData(0xC9, "arithmetic-coded (SOF9)")]
    [InlineData(0xC5, "hierarchical (SOF5)")]
    public void Other_coding_processes_are_refused_naming_the_process(byte marker, string reason)
    {
        var patched = (byte[])Plain.Clone();
        patched[patched.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]) + 1] = marker;

        Assert.Contains(reason, Refused(patched).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progressive_frames_are_refused_naming_sof2()
    {
        var compressor = new jpeg_compress_struct(new jpeg_error_mgr());
        using var stream = new MemoryStream();
        compressor.jpeg_stdio_dest(stream);
        (compressor.Image_width, compressor.Image_height, compressor.Input_components, compressor.In_color_space) = (16, 16, 1, J_COLOR_SPACE.JCS_GRAYSCALE);
        compressor.jpeg_set_defaults();
        compressor.jpeg_simple_progression();
        compressor.jpeg_start_compress(true);
        var row = new byte[1][] { new byte[16] };
        for (var y = 0; y < 16; y++)
        {
            compressor.jpeg_write_scanlines(row, 1);
        }

        compressor.jpeg_finish_compress();

        var error = Refused(stream.ToArray(), new KeptArea(16, 16, []), JpegColorModel.Monochrome);

        Assert.Equal("JPEG progressive (SOF2) cannot be cleaned losslessly.", error.Message);
    }

    [Fact]
    public void Twelve_bit_frames_are_refused()
    {
        var patched = (byte[])Plain.Clone();
        patched[patched.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]) + 1] = 0xC1;
        patched[patched.AsSpan().IndexOf([(byte)0xFF, (byte)0xC1]) + 4] = 12;

        Assert.Contains("12-bit precision (SOF1)", Refused(patched).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scan_that_does_not_hold_every_component_is_refused_as_multi_scan()
    {
        var sos = Plain.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        byte[] oneComponentScan = [0xFF, 0xDA, 0x00, 0x08, 0x01, Plain[sos + 5], 0x00, 0x00, 0x3F, 0x00];
        var patched = Plain[..sos].Concat(oneComponentScan).Concat(Plain[(sos + 2 + ((Plain[sos + 2] << 8) | Plain[sos + 3]))..]).ToArray();

        Assert.Contains("non-interleaved", Refused(patched).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restart_marker_out_of_order_is_refused_naming_its_offset()
    {
        var patched = (byte[])WithRestarts.Clone();
        var rst = patched.AsSpan(EntropyStart(patched)).IndexOf([(byte)0xFF, (byte)0xD0]) + EntropyStart(patched);
        patched[rst + 1] = 0xD3;

        Assert.Contains($"RST0 missing or out of order at byte offset {rst}", Refused(patched).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xDC, 0x00, 0x04, 0x00, 0x28 }, "DNL")]
    [InlineData(new byte[] { 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00 }, "second scan (SOS)")]
    public void Markers_after_the_scan_that_change_the_frame_are_refused(byte[] segment, string reason)
    {
        var patched = Plain[..^2].Concat(segment).Concat(Plain[^2..]).ToArray();

        Assert.Contains(reason, Refused(patched).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_eoi_are_ignored_as_fragment_padding()
    {
        var padded = Plain.Concat(new byte[] { 0x00, 0x14, 0x01 }).ToArray();

        var (output, _) = JpegBaselineCleanerTests.Clean(padded, new KeptArea(48, 40, []), JpegColorModel.YCbCr);

        Assert.Equal([0xFF, 0xD9], output[^2..]);
    }

    private static int EntropyStart(byte[] jpeg)
    {
        var sos = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        return sos + 2 + ((jpeg[sos + 2] << 8) | jpeg[sos + 3]);
    }

    private static PixelDataException Refused(byte[] jpeg, KeptArea? area = null, JpegColorModel color = JpegColorModel.YCbCr)
    {
        area ??= new KeptArea(48, 40, [new PixelRectangle(0, 16, 47, 39)]);
        return Assert.Throws<PixelDataException>(() => JpegBaselineCleanerTests.Clean(jpeg, area, color));
    }

    private static void CleanedOrRefused(byte[] jpeg)
    {
        try
        {
            JpegBaselineCleanerTests.Clean(jpeg, new KeptArea(48, 40, [new PixelRectangle(0, 16, 47, 39)]), JpegColorModel.YCbCr);
        }
        catch (PixelDataException)
        {
            // Refused with a reason: the expected outcome for most corruptions.
        }
    }
}
