using Uplink.Dicom.Imaging.Jpeg;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

public sealed class JpegRealFrameTests
{
    [Theory]
    [InlineData("us/atl_jpeg_baseline.dcm")]
    [InlineData("us/ge_cine_jpeg_baseline_87f.dcm")]
    public void Real_ultrasound_frames_are_cleaned_with_kept_blocks_identical_and_the_rest_black(string relative)
    {
        var (frames, photometric) = JpegFrames.Read(JpegFrames.Corpus(relative));
        Assert.NotEmpty(frames);
        Assert.StartsWith("YBR", photometric, StringComparison.Ordinal);

        // Every frame is cleaned; the independent checks run on the first, middle and last (LibJpeg.NET is slow).
        for (var i = 0; i < frames.Count; i++)
        {
            var info = JpegFrameInfo.Read(frames[i]);
            var area = new KeptArea(info.Width, info.Height, [new PixelRectangle(37, 61, info.Width - 50, info.Height - 41)]);
            var (output, cleaning) = JpegBaselineCleanerTests.Clean(frames[i], area, JpegColorModel.YCbCr);
            if (i == 0 || i == frames.Count / 2 || i == frames.Count - 1)
            {
                Assert.True(JpegCleaningAssertions.KeptBlocksIdentical(frames[i], output, cleaning.Effective) > 0);
                Assert.True(JpegCleaningAssertions.OutsideIsBlack(output, cleaning.Effective) > info.Width * 61);
                Assert.Equal(JpegCleaningAssertions.RestartMarkers(frames[i]), JpegCleaningAssertions.RestartMarkers(output));
            }
        }
    }

    [Fact]
    public void A_jfif_frame_labelled_rgb_is_refused_but_cleans_as_the_ycbcr_it_declares()
    {
        // fo-dicom's GH195: Photometric Interpretation RGB over a JFIF (YCbCr-coded) JPEG, a common vendor habit.
        var (frames, photometric) = JpegFrames.Read(JpegFrames.Corpus("transfer-syntax/jpeg_extended_with_icon.dcm"));
        var frame = Assert.Single(frames);
        var info = JpegFrameInfo.Read(frame);
        var area = new KeptArea(info.Width, info.Height, [new PixelRectangle(0, 40, info.Width - 1, info.Height - 1)]);

        Assert.Equal("RGB", photometric);
        Assert.True(info.ColorTransformed);
        Assert.Throws<PixelDataException>(() => JpegBaselineCleanerTests.Clean(frame, area, JpegColorModel.Rgb));
        var (output, cleaning) = JpegBaselineCleanerTests.Clean(frame, area, JpegColorModel.YCbCr);
        Assert.True(JpegCleaningAssertions.KeptBlocksIdentical(frame, output, cleaning.Effective) > 0);
        Assert.True(JpegCleaningAssertions.OutsideIsBlack(output, cleaning.Effective) >= info.Width * 40);
    }

    [Theory]
    [InlineData("+s2", "-ho")]
    [InlineData("+s2", "+ho")]
    [InlineData("+s4", "+ho")]
    public void Frames_encoded_by_dcmcjpeg_are_cleaned_and_dcmdjpeg_decodes_the_result(string sampling, string huffman)
    {
        var native = JpegFrames.Corpus("us/atl_ybr_full_exvrle.dcm");
        using var folder = new TemporaryFolder();
        var compressed = Path.Combine(folder.Path, "in.dcm");
        var (exit, output) = ExternalTool.Run("dcmcjpeg", "+eb", sampling, huffman, native, compressed);
        Assert.True(exit == 0, output);
        var frame = Assert.Single(JpegFrames.Read(compressed).Frames);
        var info = JpegFrameInfo.Read(frame);
        var area = new KeptArea(info.Width, info.Height, [new PixelRectangle(0, 60, info.Width - 1, info.Height - 1)]);

        var (cleaned, cleaning) = JpegBaselineCleanerTests.Clean(frame, area, JpegColorModel.YCbCr);

        Assert.True(JpegCleaningAssertions.KeptBlocksIdentical(frame, cleaned, cleaning.Effective) > 0);
        Assert.True(JpegCleaningAssertions.OutsideIsBlack(cleaned, cleaning.Effective) >= info.Width * 60);
        var jpeg = Path.Combine(folder.Path, "cleaned.jpg");
        File.WriteAllBytes(jpeg, cleaned);
        var wrapped = Path.Combine(folder.Path, "cleaned.dcm");
        (exit, output) = ExternalTool.Run("img2dcm", "-i", "JPEG", jpeg, wrapped);
        Assert.True(exit == 0, output);
        (exit, output) = ExternalTool.Run("dcmdjpeg", wrapped, Path.Combine(folder.Path, "decoded.dcm"));
        Assert.True(exit == 0, output);
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("uplink-jpeg-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
