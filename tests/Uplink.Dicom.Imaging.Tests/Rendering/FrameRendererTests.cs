using System.Buffers.Binary;
using Uplink.Dicom.Imaging.Rendering;

namespace Uplink.Dicom.Imaging.Tests.Rendering;

public sealed class FrameRendererTests
{
    [Fact]
    public void MONOCHROME1_is_inverted()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome1, columns: 2, rows: 1);

        var image = FrameRenderer.Render([0, 255], geometry, null, null);

        Assert.False(image.IsRgb);
        Assert.Equal(new byte[] { 255, 0 }, image.Pixels);
    }

    [Fact]
    public void Sixteen_bit_data_is_scaled_by_the_window_when_given_and_by_its_range_otherwise()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2, bits: 16, bitsStored: 12, columns: 3, rows: 1);
        var frame = new byte[6];
        BinaryPrimitives.WriteUInt16LittleEndian(frame, 100);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(2), 200);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(4), 4000);

        Assert.Equal(new byte[] { 0, 7, 255 }, FrameRenderer.Render(frame, geometry, null, null).Pixels);
        Assert.Equal(new byte[] { 0, 255, 255 }, FrameRenderer.Render(frame, geometry, 150, 100).Pixels);
    }

    [Fact]
    public void Palette_color_maps_through_its_tables_to_rgb()
    {
        var geometry = TestImages.Geometry(Photometric.PaletteColor, columns: 1, rows: 1, palette: PaletteLookup.Create(0, 16, [0, 0xFF00], [0, 0x8000], [0, 0x1000]));

        var image = FrameRenderer.Render([1], geometry, null, null);

        Assert.True(image.IsRgb);
        Assert.Equal(new byte[] { 0xFF, 0x80, 0x10 }, image.Pixels);
    }

    [Fact]
    public void YBR_FULL_and_YBR_FULL_422_convert_to_rgb()
    {
        var full = TestImages.Geometry(Photometric.YbrFull, columns: 2, rows: 1);
        var pairs = TestImages.Geometry(Photometric.YbrFull422, columns: 2, rows: 1);

        Assert.Equal(new byte[] { 0, 0, 0, 255, 255, 255 }, FrameRenderer.Render([0, 128, 128, 255, 128, 128], full, null, null).Pixels);
        Assert.Equal(new byte[] { 0, 0, 0, 255, 255, 255 }, FrameRenderer.Render([0, 255, 128, 128], pairs, null, null).Pixels);
        // Pure red: Y 76, Cb 85, Cr 255.
        Assert.Equal(new byte[] { 254, 0, 0 }, FrameRenderer.Render([76, 85, 255, 76, 85, 255], full, null, null).Pixels[..3]);
    }

    [Fact]
    public void Planar_rgb_is_interleaved()
    {
        var geometry = TestImages.Geometry(Photometric.Rgb, planar: 1, columns: 2, rows: 1);

        Assert.Equal(new byte[] { 1, 3, 5, 2, 4, 6 }, FrameRenderer.Render([1, 2, 3, 4, 5, 6], geometry, null, null).Pixels);
    }
}
