using Uplink.Dicom.Imaging.Native;
using Uplink.Dicom.Imaging.Rendering;
using Uplink.Tests.Shared.Imaging;

namespace Uplink.Dicom.Imaging.Tests.Rendering;

/// <summary>The OCR oracle reads text planted by the bitmap font, and reads none of it once it is blanked.</summary>
public sealed class BurnedInTextOcrTests : IDisposable
{
    // Tesseract reads the caret of DOE^JANE as a quote mark, so the name is looked for as its two parts.
    private static readonly string[] Planted = ["DOE", "JANE", "12345678", "1984-03-07"];
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Tesseract_reads_the_planted_name_id_and_date_in_a_gray_frame_and_none_after_blanking()
    {
        SkipWithoutTesseract();
        var geometry = TestImages.Geometry(Photometric.Monochrome2, columns: 640, rows: 480);
        var frame = UltrasoundLike(geometry.Columns, geometry.Rows);
        BitmapFont.DrawGray(frame, 640, 480, "DOE^JANE", 20, 12, 4);
        BitmapFont.DrawGray(frame, 640, 480, "ID 12345678", 380, 16, 3);
        BitmapFont.DrawGray(frame, 640, 480, "DOB 1984-03-07", 24, 440, 2, 200);
        var area = new KeptArea(640, 480, [new PixelRectangle(80, 60, 560, 420)]);

        var before = Ocr(frame, geometry, "before.png");
        NativeFrameBlanker.Blank(frame, geometry, area);
        var after = Ocr(frame, geometry, "after.png");

        Assert.All(Planted, text => Assert.Contains(text, before, StringComparison.Ordinal));
        Assert.All(Planted, text => Assert.DoesNotContain(text, after, StringComparison.Ordinal));
    }

    [Fact]
    public void Tesseract_reads_yellow_text_planted_in_an_RGB_frame_and_none_after_blanking()
    {
        SkipWithoutTesseract();
        var geometry = TestImages.Geometry(Photometric.Rgb, columns: 400, rows: 300);
        var frame = new byte[geometry.FrameLength];
        BitmapFont.Draw("DOE^JANE", 16, 10, 3, 400, 300, (x, y) => { var i = 3 * ((y * 400) + x); (frame[i], frame[i + 1], frame[i + 2]) = (255, 230, 0); });
        BitmapFont.Draw("1984-03-07", 200, 270, 2, 400, 300, (x, y) => { var i = 3 * ((y * 400) + x); (frame[i], frame[i + 1], frame[i + 2]) = (255, 255, 255); });

        var before = Ocr(frame, geometry, "rgb-before.png");
        NativeFrameBlanker.Blank(frame, geometry, new KeptArea(400, 300, [new PixelRectangle(50, 50, 350, 250)]));
        var after = Ocr(frame, geometry, "rgb-after.png");

        Assert.All(["DOE", "JANE", "1984-03-07"], text => Assert.Contains(text, before, StringComparison.Ordinal));
        Assert.All(["DOE", "JANE", "1984"], text => Assert.DoesNotContain(text, after, StringComparison.Ordinal));
    }

    private static void SkipWithoutTesseract()
    {
        if (TesseractOracle.AbsentReason is { } absent)
        {
            Assert.Skip(absent);
        }
    }

    // A dark frame with a smooth bright "sector" in the middle, where no text is.
    private static byte[] UltrasoundLike(int columns, int rows)
    {
        var frame = new byte[columns * rows];
        for (var y = 100; y < 380; y++)
        {
            for (var x = 160; x < 480; x++)
            {
                frame[(y * columns) + x] = (byte)(40 + ((x + y) % 60));
            }
        }

        return frame;
    }

    private string Ocr(byte[] frame, ImageGeometry geometry, string name)
    {
        var path = Path.Combine(_temp.Path, name);
        FrameRenderer.Render(frame, geometry, null, null).SavePng(path);
        return TesseractOracle.Squeeze(TesseractOracle.Read(path));
    }
}
