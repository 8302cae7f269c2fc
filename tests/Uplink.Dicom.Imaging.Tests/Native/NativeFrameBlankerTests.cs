using Uplink.Dicom.Imaging.Native;

namespace Uplink.Dicom.Imaging.Tests.Native;

public sealed class NativeFrameBlankerTests
{
    private static readonly KeptArea Area = new(16, 8, [new PixelRectangle(3, 2, 10, 5), new PixelRectangle(12, 6, 12, 6)]);

    [Theory]
    [InlineData(Photometric.Monochrome2, 8, 8, false, 0, new[] { 0 })]
    [InlineData(Photometric.Monochrome2, 8, 8, true, 0, new[] { 0x80 })]
    [InlineData(Photometric.Monochrome2, 16, 16, false, 0, new[] { 0 })]
    [InlineData(Photometric.Monochrome2, 16, 12, true, 0, new[] { 0xF800 })]
    [InlineData(Photometric.Monochrome1, 8, 8, false, 0, new[] { 255 })]
    [InlineData(Photometric.Monochrome1, 16, 12, false, 0, new[] { 4095 })]
    [InlineData(Photometric.Monochrome1, 16, 12, true, 0, new[] { 2047 })]
    [InlineData(Photometric.Rgb, 8, 8, false, 0, new[] { 0, 0, 0 })]
    [InlineData(Photometric.Rgb, 8, 8, false, 1, new[] { 0, 0, 0 })]
    [InlineData(Photometric.Rgb, 16, 16, false, 0, new[] { 0, 0, 0 })]
    [InlineData(Photometric.Rgb, 16, 16, false, 1, new[] { 0, 0, 0 })]
    [InlineData(Photometric.YbrFull, 8, 8, false, 0, new[] { 0, 128, 128 })]
    [InlineData(Photometric.YbrFull, 8, 8, false, 1, new[] { 0, 128, 128 })]
    [InlineData(Photometric.YbrFull, 16, 16, false, 0, new[] { 0, 32768, 32768 })]
    [InlineData(Photometric.YbrFull, 16, 12, false, 1, new[] { 0, 2048, 2048 })]
    [InlineData(Photometric.PaletteColor, 8, 8, false, 0, new[] { 85 })]
    [InlineData(Photometric.PaletteColor, 16, 12, false, 0, new[] { 1365 })]
    public void Every_pixel_outside_the_kept_area_becomes_black_and_every_kept_pixel_stays(Photometric photometric, int bits, int stored, bool signed, int planar, int[] black)
    {
        var geometry = TestImages.Geometry(photometric, bits, planar, bitsStored: stored, signed: signed);
        var source = TestImages.RandomFrame(geometry, 7);
        var frame = (byte[])source.Clone();

        NativeFrameBlanker.Blank(frame, geometry, Area);

        for (var y = 0; y < geometry.Rows; y++)
        {
            for (var x = 0; x < geometry.Columns; x++)
            {
                for (var s = 0; s < geometry.SamplesPerPixel; s++)
                {
                    var expected = Area.IsKept(x, y) ? TestImages.SampleAt(source, geometry, x, y, s) : black[s];
                    Assert.Equal(expected, TestImages.SampleAt(frame, geometry, x, y, s));
                }
            }
        }
    }

    [Theory]
    [InlineData(8, 128)]
    [InlineData(16, 32768)]
    public void YBR_FULL_422_blanks_luma_per_pixel_and_chroma_only_when_both_pixels_of_a_pair_are_outside(int bits, int neutral)
    {
        var geometry = TestImages.Geometry(Photometric.YbrFull422, bits);
        var source = TestImages.RandomFrame(geometry, 3);
        var frame = (byte[])source.Clone();

        NativeFrameBlanker.Blank(frame, geometry, Area);

        for (var y = 0; y < geometry.Rows; y++)
        {
            for (var x = 0; x < geometry.Columns; x++)
            {
                Assert.Equal(Area.IsKept(x, y) ? TestImages.SampleAt(source, geometry, x, y, 0) : 0, TestImages.SampleAt(frame, geometry, x, y, 0));
                var pairKept = Area.IsKept(x & ~1, y) || Area.IsKept(x | 1, y);
                for (var s = 1; s < 3; s++)
                {
                    Assert.Equal(pairKept ? TestImages.SampleAt(source, geometry, x, y, s) : neutral, TestImages.SampleAt(frame, geometry, x, y, s));
                }
            }
        }
    }

    [Fact]
    public void A_palette_black_is_the_darkest_entry_shifted_by_the_first_mapped_value()
    {
        var geometry = TestImages.Geometry(Photometric.PaletteColor, palette: TestImages.Palette(200, 8, firstMapped: 10));
        var frame = TestImages.RandomFrame(geometry, 1);

        NativeFrameBlanker.Blank(frame, geometry, Area);

        Assert.Equal(10 + (200 / 3), frame[0]);
    }

    [Fact]
    public void An_area_of_another_size_is_refused()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2);

        Assert.Throws<PixelDataException>(() => NativeFrameBlanker.Blank(new byte[geometry.FrameLength], geometry, new KeptArea(8, 8, [])));
    }

    [Fact]
    public void A_photometric_interpretation_without_a_native_black_is_refused_by_name()
    {
        var geometry = ImageGeometry.Create(8, 16, 3, 8, 8, 7, 0, Photometric.YbrIct, 0, 1);

        var error = Assert.Throws<PixelDataException>(() => NativeFrameBlanker.Blank(new byte[geometry.FrameLength], geometry, Area));

        Assert.Contains("YBR_ICT", error.Message, StringComparison.Ordinal);
    }
}
