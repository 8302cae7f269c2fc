namespace Uplink.Dicom.Imaging.Tests;

public sealed class KeptAreaTests
{
    [Fact]
    public void Rectangles_outside_the_frame_are_clipped_and_the_union_is_kept()
    {
        var area = new KeptArea(100, 50, [new PixelRectangle(-5, 10, 40, 20), new PixelRectangle(30, 15, 200, 80), new PixelRectangle(150, 0, 160, 5)]);

        Assert.Equal([new PixelRectangle(0, 10, 40, 20), new PixelRectangle(30, 15, 99, 49)], area.Rectangles);
        Assert.True(area.IsKept(0, 10));
        Assert.False(area.IsKept(41, 10));
        Assert.True(area.IsKept(99, 49));
        Assert.True(area.ContainsWhole(new PixelRectangle(20, 15, 60, 20)));
        Assert.False(area.ContainsWhole(new PixelRectangle(20, 14, 60, 20)));
    }

    [Fact]
    public void A_row_mask_marks_exactly_the_kept_columns()
    {
        var area = new KeptArea(10, 4, [new PixelRectangle(2, 1, 3, 2), new PixelRectangle(6, 2, 7, 3)]);
        var mask = new bool[10];

        area.RowMask(2, mask);

        Assert.Equal([false, false, true, true, false, false, true, true, false, false], mask);
        area.RowMask(0, mask);
        Assert.DoesNotContain(true, mask);
    }
}
