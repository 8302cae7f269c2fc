using System.Buffers;
using Uplink.Dicom.Imaging.Jpeg;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

public sealed class JpegBaselineCleanerTests
{
    public static TheoryData<int, int, int, int, bool> Encodings() => new()
    {
        // components, h, v, restart interval, optimised tables
        { 3, 1, 1, 0, false },
        { 3, 2, 1, 0, false },
        { 3, 2, 2, 0, false },
        { 1, 1, 1, 0, false },
        { 3, 2, 1, 7, true },
        { 3, 2, 2, 5, false },
        { 1, 1, 1, 11, true },
        { 3, 1, 1, 3, true },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Kept_blocks_keep_their_coefficients_and_the_banner_decodes_black(int components, int h, int v, int restart, bool optimize)
    {
        var source = JpegFixtures.Encode(200, 120, components, h, v, restart, optimize);
        var area = new KeptArea(200, 120, [new PixelRectangle(10, JpegFixtures.BannerHeight, 180, 112)]);

        var (output, cleaning) = Clean(source, area, components == 1 ? JpegColorModel.Monochrome : JpegColorModel.YCbCr);

        Assert.Equal(8 * h, cleaning.McuWidth);
        Assert.Equal(8 * v, cleaning.McuHeight);
        Assert.True(cleaning.McusKept > 0 && cleaning.McusBlanked > 0);
        Assert.All(cleaning.Effective.Rectangles, r => Assert.True(area.ContainsWhole(r)));
        var inner = new PixelRectangle(10 + cleaning.McuWidth - 1, JpegFixtures.BannerHeight + cleaning.McuHeight - 1, 180 - cleaning.McuWidth + 1, 112 - cleaning.McuHeight + 1);
        Assert.True(cleaning.Effective.ContainsWhole(inner), "the kept area lost more than one MCU at an edge");
        Assert.True(JpegCleaningAssertions.KeptBlocksIdentical(source, output, cleaning.Effective) > 0);
        Assert.True(JpegCleaningAssertions.OutsideIsBlack(output, cleaning.Effective) > 200 * JpegFixtures.BannerHeight - 1);
        Assert.Equal(JpegCleaningAssertions.RestartMarkers(source), JpegCleaningAssertions.RestartMarkers(output));
        Assert.Equal(output.Length, cleaning.BytesWritten);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_whole_frame_area_keeps_every_coefficient(int components, int h, int v, int restart, bool optimize)
    {
        var source = JpegFixtures.Encode(97, 61, components, h, v, restart, optimize);
        var area = new KeptArea(97, 61, [new PixelRectangle(0, 0, 96, 60)]);

        var (output, cleaning) = Clean(source, area, components == 1 ? JpegColorModel.Monochrome : JpegColorModel.YCbCr);

        Assert.Equal(0, cleaning.McusBlanked);
        var expected = LibJpegReference.Coefficients(source);
        var actual = LibJpegReference.Coefficients(output);
        for (var c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c].Blocks.Length, actual[c].Blocks.Length);
            for (var b = 0; b < expected[c].Blocks.Length; b++)
            {
                Assert.Equal(expected[c].Blocks[b], actual[c].Blocks[b]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void An_empty_area_blanks_everything(int components, int h, int v, int restart, bool optimize)
    {
        var source = JpegFixtures.Encode(64, 48, components, h, v, restart, optimize);
        var area = new KeptArea(64, 48, []);

        var (output, cleaning) = Clean(source, area, components == 1 ? JpegColorModel.Monochrome : JpegColorModel.YCbCr);

        Assert.Equal(0, cleaning.McusKept);
        Assert.Empty(cleaning.Effective.Rectangles);
        Assert.Equal(64 * 48, JpegCleaningAssertions.OutsideIsBlack(output, cleaning.Effective));
        Assert.Equal(JpegCleaningAssertions.RestartMarkers(source), JpegCleaningAssertions.RestartMarkers(output));
    }

    [Fact]
    public void A_kept_area_smaller_than_an_mcu_keeps_nothing_rather_than_half_a_block()
    {
        var source = JpegFixtures.Encode(64, 48, 3, 2, 2);

        var (output, cleaning) = Clean(source, new KeptArea(64, 48, [new PixelRectangle(3, 3, 17, 17)]), JpegColorModel.YCbCr);

        Assert.Empty(cleaning.Effective.Rectangles);
        Assert.Equal(64 * 48, JpegCleaningAssertions.OutsideIsBlack(output, cleaning.Effective));
    }

    [Fact]
    public void Cleaning_a_cleaned_frame_again_gives_the_same_bytes()
    {
        var source = JpegFixtures.Encode(80, 64, 3, 2, 1, restartInterval: 3);
        var area = new KeptArea(80, 64, [new PixelRectangle(5, 41, 70, 60)]);
        var (once, first) = Clean(source, area, JpegColorModel.YCbCr);

        var (twice, second) = Clean(once, area, JpegColorModel.YCbCr);

        Assert.Equal(first.Effective.Rectangles, second.Effective.Rectangles);
        var expected = LibJpegReference.Coefficients(once);
        var actual = LibJpegReference.Coefficients(twice);
        Assert.All(Enumerable.Range(0, 3), c => Assert.Equal(expected[c].Blocks, actual[c].Blocks));
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Rgb_coded_frames_blank_every_component_to_zero()
    {
        var source = JpegFixtures.Encode(64, 48, 3, rgbCoded: true);
        var area = new KeptArea(64, 48, [new PixelRectangle(0, 40, 63, 47)]);

        var (output, cleaning) = Clean(source, area, JpegColorModel.Rgb);

        // LibJpeg.NET reads the planes as they are coded, so each of them must be black outside.
        Assert.False(JpegFrameInfo.Read(source).ColorTransformed);
        Assert.True(JpegCleaningAssertions.OutsideIsBlack(output, cleaning.Effective, rgb: true) > 0);
        Assert.True(JpegCleaningAssertions.KeptBlocksIdentical(source, output, cleaning.Effective) > 0);
    }

    [Theory]
    [InlineData(false, JpegColorModel.Rgb, "declares YCbCr (JFIF or Adobe transform 1) but the photometric interpretation says Rgb")]
    [InlineData(true, JpegColorModel.YCbCr, "declares RGB (Adobe transform 0 or component ids R,G,B) but the photometric interpretation says YCbCr")]
    public void A_stream_whose_declared_colour_space_contradicts_the_photometric_interpretation_is_refused(bool rgbCoded, JpegColorModel color, string reason)
    {
        var source = JpegFixtures.Encode(32, 32, 3, rgbCoded: rgbCoded);

        var error = Assert.Throws<PixelDataException>(() => Clean(source, new KeptArea(32, 32, []), color));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_application_segments_other_than_jfif_and_adobe_are_dropped()
    {
        var source = JpegFixtures.Encode(32, 32, 1);
        byte[] comment = [0xFF, 0xFE, 0x00, 0x0A, .. "DOE^JANE"u8];
        byte[] exif = [0xFF, 0xE1, 0x00, 0x0A, .. "Exif\0\0ID"u8];
        var withText = source[..2].Concat(comment).Concat(exif).Concat(source[2..]).ToArray();

        var (output, _) = Clean(withText, new KeptArea(32, 32, [new PixelRectangle(0, 0, 31, 31)]), JpegColorModel.Monochrome);

        Assert.Equal(-1, output.AsSpan().IndexOf("DOE^JANE"u8));
        Assert.Equal(-1, output.AsSpan().IndexOf("Exif"u8));
        Assert.True(output.AsSpan().IndexOf("JFIF"u8) > 0);
    }

    [Fact]
    public void Frame_info_reports_the_header()
    {
        var source = JpegFixtures.Encode(100, 50, 3, 2, 1, restartInterval: 4);

        var info = JpegFrameInfo.Read(source);

        Assert.Equal((100, 50, 8, JpegProcess.Baseline, 4), (info.Width, info.Height, info.Precision, info.Process, info.RestartInterval));
        Assert.Equal([2, 1, 1], info.Components.Select(c => c.HorizontalSampling));
        Assert.Equal([1, 1, 1], info.Components.Select(c => c.VerticalSampling));
    }

    [Fact]
    public void A_kept_area_of_another_size_is_refused()
    {
        var source = JpegFixtures.Encode(64, 48, 1);

        var error = Assert.Throws<PixelDataException>(() => Clean(source, new KeptArea(64, 50, []), JpegColorModel.Monochrome));

        Assert.Contains("64x48", error.Message, StringComparison.Ordinal);
    }

    internal static (byte[] Output, JpegCleaning Cleaning) Clean(byte[] source, KeptArea area, JpegColorModel color)
    {
        var output = new ArrayBufferWriter<byte>();
        var cleaning = JpegBaselineCleaner.Clean(source, area, color, output);
        return (output.WrittenSpan.ToArray(), cleaning);
    }
}
