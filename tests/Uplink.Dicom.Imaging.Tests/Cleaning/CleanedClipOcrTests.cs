using Uplink.Dicom;
using Uplink.Dicom.Imaging.Cleaning;
using Uplink.Dicom.Imaging.Rendering;
using Uplink.Tests.Shared.Imaging;

namespace Uplink.Dicom.Imaging.Tests.Cleaning;

/// <summary>End to end: an RLE YBR_FULL clip with a burned-in banner, cleaned by the facade, read back and OCRed.</summary>
public sealed class CleanedClipOcrTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_banner_of_every_frame_of_an_RLE_clip_is_unreadable_after_cleaning()
    {
        if (TesseractOracle.AbsentReason is { } absent)
        {
            Assert.Skip(absent);
        }

        var geometry = TestImages.Geometry(Photometric.YbrFull, planar: 1, columns: 480, rows: 320, frames: 2);
        var dataset = TestImages.Dataset(geometry);
        dataset.AddOrUpdate(TestImages.RleSequence(geometry, Enumerable.Range(0, 2).Select(f => BannerFrame(geometry.WithFrames(1), f))));
        using var source = TestImages.SaveAndOpen(dataset, DicomTransferSyntax.RleLossless, _temp.Path);
        var area = new KeptArea(480, 320, [new PixelRectangle(40, 60, 440, 280)]);

        var before = ReadEveryFrame(source.Dataset.Get(DicomTags.PixelData)!, geometry, "before");
        var result = new PixelDataCleaner().Clean(source, geometry, area, _temp.Path);
        var after = ReadEveryFrame(result.PixelData, geometry, "after");

        Assert.All(before, text => Assert.All(["DOE", "JANE", "12345678"], planted => Assert.Contains(planted, text, StringComparison.Ordinal)));
        Assert.All(after, text => Assert.All(["DOE", "JANE", "1234"], planted => Assert.DoesNotContain(planted, text, StringComparison.Ordinal)));
    }

    // White text (Y 255, neutral chroma) on a frame with a reddish image area, colour-by-plane.
    private static byte[] BannerFrame(ImageGeometry geometry, int index)
    {
        var frame = new byte[geometry.FrameLength];
        var plane = (int)geometry.PixelsPerFrame;
        frame.AsSpan(plane, 2 * plane).Fill(128);
        for (var y = 80; y < 260; y++)
        {
            for (var x = 100; x < 380; x++)
            {
                frame[(y * 480) + x] = (byte)(60 + ((x * y) % 50));
                frame[(2 * plane) + (y * 480) + x] = 170;
            }
        }

        void Plant(int x, int y) => frame[(y * 480) + x] = 255;
        BitmapFont.Draw("DOE^JANE", 12 + (index * 8), 10, 3, 480, 320, Plant);
        BitmapFont.Draw("ID 12345678", 250, 290, 2, 480, 320, Plant);
        return frame;
    }

    private List<string> ReadEveryFrame(DicomItem pixelData, ImageGeometry geometry, string name)
    {
        var texts = new List<string>();
        foreach (var (index, frame) in NativeFrames.Read(pixelData, DicomTransferSyntax.RleLossless, geometry))
        {
            var path = Path.Combine(_temp.Path, $"{name}-{index}.png");
            FrameRenderer.Render(frame.Span, geometry, null, null).SavePng(path);
            texts.Add(TesseractOracle.Squeeze(TesseractOracle.Read(path)));
        }

        return texts;
    }
}
