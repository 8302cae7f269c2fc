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

    [Theory]
    [MemberData(nameof(JpegBaselineCleanerTests.Encodings), MemberType = typeof(JpegBaselineCleanerTests))]
    public void Dcmdjpeg_decodes_cleaned_synthetic_frames_with_the_banner_black(int components, int h, int v, int restart, bool optimize)
    {
        ExternalTool.Require("dcmdjpeg");
        var source = JpegFixtures.Encode(120, 96, components, h, v, restart, optimize);
        var area = new KeptArea(120, 96, [new PixelRectangle(0, JpegFixtures.BannerHeight, 119, 95)]);
        var (cleaned, cleaning) = JpegBaselineCleanerTests.Clean(source, area, components == 1 ? JpegColorModel.Monochrome : JpegColorModel.YCbCr);
        using var folder = new TemporaryFolder();
        var jpeg = Path.Combine(folder.Path, "cleaned.jpg");
        File.WriteAllBytes(jpeg, cleaned);
        var wrapped = Path.Combine(folder.Path, "cleaned.dcm");
        var decoded = Path.Combine(folder.Path, "decoded.dcm");

        var (exit, output) = ExternalTool.Run("img2dcm", "-i", "JPEG", jpeg, wrapped);
        Assert.True(exit == 0, output);
        (exit, output) = ExternalTool.Run("dcmdjpeg", wrapped, decoded);
        Assert.True(exit == 0, output);

        // dcmdjpeg writes colour as RGB (planar configuration as it reports it); every banner sample must be ~0,
        // except within 2 pixels of kept subsampled MCUs, where IJG's fancy upsampling blends in their chroma.
        var bleed = components == 3 && h * v > 1 ? 2 : 0;
        using var file = DicomFile.Open(decoded);
        var samples = Assert.IsType<DicomElement>(file.Dataset[DicomTags.PixelData]).Bytes.ToArray();
        var perPixel = file.Dataset.GetInt32(DicomTags.SamplesPerPixel) ?? 1;
        var planar = file.Dataset.GetInt32(DicomTags.PlanarConfiguration) == 1;
        Assert.Equal(120 * 96 * perPixel, samples.Length);
        var dark = 0;
        for (var y = 0; y < 96; y++)
        {
            for (var x = 0; x < 120; x++)
            {
                if (NearKept(cleaning.Effective, x, y, bleed))
                {
                    continue;
                }

                for (var c = 0; c < perPixel; c++)
                {
                    var at = planar ? (c * 120 * 96) + (y * 120) + x : (((y * 120) + x) * perPixel) + c;
                    Assert.True(samples[at] <= 3, $"dcmdjpeg decodes pixel ({x},{y}) sample {c} as not black");
                }

                dark++;
            }
        }

        Assert.True(dark >= 120 * (JpegFixtures.BannerHeight - bleed));
    }

    private static bool NearKept(KeptArea area, int x, int y, int distance)
    {
        for (var dy = -distance; dy <= distance; dy++)
        {
            for (var dx = -distance; dx <= distance; dx++)
            {
                var (nx, ny) = (x + dx, y + dy);
                if (nx >= 0 && ny >= 0 && nx < area.Columns && ny < area.Rows && area.IsKept(nx, ny))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("uplink-jpeg-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
