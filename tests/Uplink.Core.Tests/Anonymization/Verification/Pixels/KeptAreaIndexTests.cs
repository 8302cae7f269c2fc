using Uplink.Core.Anonymization.Verification.Pixels;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Tests.Anonymization.Verification.Pixels;

public sealed class KeptAreaIndexTests
{
    [Fact]
    public void Rows_with_outside_pixels_end_at_the_last_row_not_wholly_kept()
    {
        var banner = new KeptAreaIndex(new KeptArea(32, 24, [new PixelRectangle(0, 8, 31, 23)]));
        var all = new KeptAreaIndex(new KeptArea(32, 24, [new PixelRectangle(0, 0, 31, 23)]));
        var corner = new KeptAreaIndex(new KeptArea(32, 24, [new PixelRectangle(0, 0, 31, 22), new PixelRectangle(0, 23, 30, 23)]));

        Assert.Equal(8, banner.RowsWithOutsidePixels);
        Assert.Equal(0, all.RowsWithOutsidePixels);
        Assert.Equal(24, corner.RowsWithOutsidePixels);
    }

    [Fact]
    public void Kept_counts_the_kept_pixels_of_a_rectangle()
    {
        var index = new KeptAreaIndex(new KeptArea(32, 24, [new PixelRectangle(4, 4, 11, 11)]));

        Assert.Equal(64, index.Kept(new PixelRectangle(0, 0, 15, 15)));
        Assert.Equal(16, index.Kept(new PixelRectangle(8, 8, 15, 15)));
        Assert.Equal(0, index.Kept(new PixelRectangle(16, 0, 31, 23)));
    }
}
