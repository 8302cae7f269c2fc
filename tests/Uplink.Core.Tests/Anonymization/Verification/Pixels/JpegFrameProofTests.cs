using System.Buffers;
using BitMiracle.LibJpeg.Classic;
using Uplink.Core.Anonymization.Verification.Pixels;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Jpeg;
using Uplink.Dicom.Imaging.Tests.Jpeg;

namespace Uplink.Core.Tests.Anonymization.Verification.Pixels;

public sealed class JpegFrameProofTests
{
    [Theory]
    [InlineData(3, 2, 1, 0)]
    [InlineData(3, 2, 2, 4)]
    [InlineData(3, 1, 1, 0)]
    [InlineData(1, 1, 1, 6)]
    public void A_correct_cleaning_is_proven(int components, int h, int v, int restart)
    {
        var (source, output, cleaning, color) = Cleaned(components, h, v, restart);
        var violations = new List<string>();

        JpegFrameProof.Check(source, output, cleaning.Effective, color, violations, 0);

        Assert.Empty(violations);
    }

    [Fact]
    public void Cleanings_of_a_real_ultrasound_cine_are_proven_and_a_skipped_frame_is_not()
    {
        var (frames, _) = JpegFrames.Read(JpegFrames.Corpus("us/ge_cine_jpeg_baseline_87f.dcm"));
        var info = JpegFrameInfo.Read(frames[0]);
        var area = new KeptArea(info.Width, info.Height, [new PixelRectangle(37, 61, info.Width - 50, info.Height - 41)]);
        var violations = new List<string>();

        foreach (var index in new[] { 0, frames.Count - 1 })
        {
            var output = new ArrayBufferWriter<byte>();
            var cleaning = JpegBaselineCleaner.Clean(frames[index], area, JpegColorModel.YCbCr, output);
            JpegFrameProof.Check(frames[index], output.WrittenSpan, cleaning.Effective, JpegColorModel.YCbCr, violations, index);
        }

        Assert.Empty(violations);
        var effective = new KeptArea(info.Width, info.Height, [new PixelRectangle(48, 64, info.Width - 65, info.Height - 49)]);
        JpegFrameProof.Check(frames[1], frames[1], effective, JpegColorModel.YCbCr, violations, 1);
        // The source frame itself has its banner text: proven not clean, block by block.
        Assert.Contains(violations, v => System.Text.RegularExpressions.Regex.IsMatch(v, "^frame 1: component 0 block row [0-9] column [0-9]+: [0-9]+ pixel\\(s\\) outside the kept area are not black \\(tolerance 2\\)$"));
    }

    [Fact]
    public void An_rgb_coded_cleaning_is_proven_and_a_ycbcr_reading_of_it_is_not()
    {
        var source = JpegFixtures.Encode(96, 80, 3, rgbCoded: true);
        var output = new ArrayBufferWriter<byte>();
        var cleaning = JpegBaselineCleaner.Clean(source, new KeptArea(96, 80, [new PixelRectangle(0, 48, 95, 79)]), JpegColorModel.Rgb, output);
        var asRgb = new List<string>();
        var asYCbCr = new List<string>();

        JpegFrameProof.Check(source, output.WrittenSpan, cleaning.Effective, JpegColorModel.Rgb, asRgb, 0);
        JpegFrameProof.Check(source, output.WrittenSpan, cleaning.Effective, JpegColorModel.YCbCr, asYCbCr, 0);

        Assert.Empty(asRgb);
        Assert.Contains(asYCbCr, v => v.Contains("component 1", StringComparison.Ordinal) && v.Contains("not neutral", StringComparison.Ordinal));
    }

    [Fact]
    public void A_transcoded_output_with_the_same_coefficients_is_still_proven()
    {
        var (source, output, cleaning, color) = Cleaned(3, 2, 1, 0);
        var violations = new List<string>();

        JpegFrameProof.Check(source, Transcode(output, _ => { }), cleaning.Effective, color, violations, 0);

        Assert.Empty(violations);
    }

    [Fact]
    public void A_changed_coefficient_in_a_kept_block_is_a_violation_naming_the_block()
    {
        var (source, output, cleaning, color) = Cleaned(3, 2, 1, 0);
        var kept = cleaning.Effective.Rectangles[0];
        var (column, row) = (kept.X0 / 8, kept.Y0 / 8);
        var tampered = Transcode(output, coefficients => coefficients[0].Access(row, 1)[0][column][5]++);
        var violations = new List<string>();

        JpegFrameProof.Check(source, tampered, cleaning.Effective, color, violations, 3);

        Assert.Equal($"frame 3: component 0 block row {row} column {column}: kept block's quantised coefficients differ from the source", Assert.Single(violations));
    }

    [Fact]
    public void With_only_a_top_banner_blanked_a_clean_output_is_proven_and_an_unblanked_banner_block_is_not()
    {
        // Every row below the banner is kept: the pixel decode stops after the banner, the proof must not.
        var source = JpegFixtures.Encode(96, 80, 3, 2, 1);
        var written = new ArrayBufferWriter<byte>();
        var cleaning = JpegBaselineCleaner.Clean(source, new KeptArea(96, 80, [new PixelRectangle(0, JpegFixtures.BannerHeight, 95, 79)]), JpegColorModel.YCbCr, written);
        var output = written.WrittenSpan.ToArray();
        var tampered = WithSourceBlock(output, source);
        var clean = new List<string>();
        var violations = new List<string>();

        JpegFrameProof.Check(source, output, cleaning.Effective, JpegColorModel.YCbCr, clean, 0);
        JpegFrameProof.Check(source, tampered, cleaning.Effective, JpegColorModel.YCbCr, violations, 0);

        Assert.Equal(JpegFixtures.BannerHeight, new KeptAreaIndex(cleaning.Effective).RowsWithOutsidePixels);
        Assert.Empty(clean);
        Assert.StartsWith("frame 0: component 0 block row 1 column 3: ", Assert.Single(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void One_index_shared_by_frames_proves_each_frame_on_its_own()
    {
        var (source, output, cleaning, color) = Cleaned(3, 2, 1, 0);
        var index = new KeptAreaIndex(cleaning.Effective);
        var dirty = new List<string>();
        var clean = new List<string>();

        JpegFrameProof.Check(source, source, index, color, dirty, 0);
        JpegFrameProof.Check(source, output, index, color, clean, 1);

        Assert.Contains(dirty, v => v.EndsWith("pixel(s) outside the kept area are not black (tolerance 2)", StringComparison.Ordinal));
        Assert.Empty(clean);
    }

    [Fact]
    public void A_banner_block_left_unblanked_is_a_violation_naming_the_block()
    {
        var (source, output, cleaning, color) = Cleaned(3, 2, 1, 0);
        var tampered = WithSourceBlock(output, source);
        var violations = new List<string>();

        JpegFrameProof.Check(source, tampered, cleaning.Effective, color, violations, 0);

        var violation = Assert.Single(violations);
        Assert.StartsWith("frame 0: component 0 block row 1 column 3: ", violation, StringComparison.Ordinal);
        Assert.EndsWith("pixel(s) outside the kept area are not black (tolerance 2)", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_does_not_decode_is_a_violation()
    {
        var (source, output, cleaning, color) = Cleaned(1, 1, 1, 0);
        var violations = new List<string>();

        JpegFrameProof.Check(source, output.AsSpan(0, output.Length / 2), cleaning.Effective, color, violations, 1);

        // LibJpeg.NET pads a truncated stream and warns rather than failing: either way it is one violation.
        Assert.Matches("^frame 1: output JPEG (does not decode|decodes only with [0-9]+ corrupt-data warning)", Assert.Single(violations));
    }

    [Fact]
    public void A_kept_area_claimed_larger_than_what_was_kept_is_a_violation()
    {
        var (source, output, _, color) = Cleaned(3, 2, 2, 0);
        var violations = new List<string>();

        JpegFrameProof.Check(source, output, new KeptArea(96, 80, [new PixelRectangle(0, 0, 95, 79)]), color, violations, 0);

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Contains("differ from the source", v, StringComparison.Ordinal));
    }

    [Fact]
    public void An_effective_area_reaching_outside_the_requested_one_is_a_violation()
    {
        var (source, output, cleaning, color) = Cleaned(3, 2, 1, 0);
        var violations = new List<string>();
        var requested = new KeptArea(96, 80, [new PixelRectangle(4, JpegFixtures.BannerHeight - 4, 90, 79)]);

        JpegFrameProof.Check(source, output, cleaning.Effective, color, violations, 0, requested);
        Assert.Empty(violations);
        JpegFrameProof.Check(source, output, cleaning.Effective, color, violations, 0, new KeptArea(96, 80, [new PixelRectangle(40, 40, 95, 79)]));

        Assert.Equal("frame 0: the effective kept area reaches outside the requested kept area", Assert.Single(violations));
    }

    [Fact]
    public void Pixels_decode_to_rgb_with_the_banner_black_after_cleaning()
    {
        var (_, output, _, _) = Cleaned(3, 2, 1, 0);

        var (samples, width, height, components) = JpegPixels.Decode(output);

        Assert.Equal((96, 80, 3), (width, height, components));
        Assert.Equal(width * height * 3, samples.Length);
        Assert.True(samples.AsSpan(0, width * 3 * 16).IndexOfAnyExceptInRange((byte)0, (byte)3) < 0);
        Assert.Throws<PixelDataException>(() => JpegPixels.Decode([0xFF, 0xD8, 0xFF]));
    }

    private static (byte[] Source, byte[] Output, JpegCleaning Cleaning, JpegColorModel Color) Cleaned(int components, int h, int v, int restart)
    {
        var source = JpegFixtures.Encode(96, 80, components, h, v, restart);
        var color = components == 1 ? JpegColorModel.Monochrome : JpegColorModel.YCbCr;
        var output = new ArrayBufferWriter<byte>();
        var cleaning = JpegBaselineCleaner.Clean(source, new KeptArea(96, 80, [new PixelRectangle(4, JpegFixtures.BannerHeight - 4, 90, 79)]), color, output);
        return (source, output.WrittenSpan.ToArray(), cleaning, color);
    }

    /// <summary>The output with luma block row 1 column 3 (a banner block) put back as the source has it.</summary>
    private static byte[] WithSourceBlock(byte[] output, byte[] source)
    {
        var original = JpegCoefficients(source);
        return Transcode(output, coefficients =>
        {
            var block = coefficients[0].Access(1, 1)[0][3];
            for (var k = 0; k < 64; k++)
            {
                block[k] = original[k];
            }
        });
    }

    private static short[] JpegCoefficients(byte[] jpeg)
    {
        var decompressor = new jpeg_decompress_struct(new jpeg_error_mgr());
        using var stream = new MemoryStream(jpeg);
        decompressor.jpeg_stdio_src(stream);
        decompressor.jpeg_read_header(true);
        var block = decompressor.jpeg_read_coefficients()[0].Access(1, 1)[0][3];
        var copy = new short[64];
        for (var k = 0; k < 64; k++)
        {
            copy[k] = block[k];
        }

        return copy;
    }

    /// <summary>Re-writes a stream from its coefficients (jpegtran-style) after letting the test tamper with them.</summary>
    private static byte[] Transcode(byte[] jpeg, Action<jvirt_array<JBLOCK>[]> tamper)
    {
        var decompressor = new jpeg_decompress_struct(new jpeg_error_mgr());
        using var input = new MemoryStream(jpeg);
        decompressor.jpeg_stdio_src(input);
        decompressor.jpeg_read_header(true);
        var coefficients = decompressor.jpeg_read_coefficients();
        tamper(coefficients);
        var compressor = new jpeg_compress_struct(new jpeg_error_mgr());
        using var output = new MemoryStream();
        compressor.jpeg_stdio_dest(output);
        decompressor.jpeg_copy_critical_parameters(compressor);
        compressor.jpeg_write_coefficients(coefficients);
        compressor.jpeg_finish_compress();
        decompressor.jpeg_finish_decompress();
        return output.ToArray();
    }
}
