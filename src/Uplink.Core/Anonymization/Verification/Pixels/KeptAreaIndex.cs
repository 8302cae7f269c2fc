using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>
/// A summed-area table of a kept area, so "is this block wholly kept" and "does it touch the kept area" cost
/// O(1) per block instead of a walk of its rows.
/// </summary>
internal sealed class KeptAreaIndex
{
    private readonly int[] _sums;
    private readonly int _stride;

    public KeptAreaIndex(KeptArea area)
    {
        Area = area;
        _stride = area.Columns + 1;
        _sums = new int[_stride * (area.Rows + 1)];
        var mask = new bool[area.Columns];
        for (var y = 0; y < area.Rows; y++)
        {
            area.RowMask(y, mask);
            var run = 0;
            for (var x = 0; x < area.Columns; x++)
            {
                run += mask[x] ? 1 : 0;
                _sums[((y + 1) * _stride) + x + 1] = _sums[(y * _stride) + x + 1] + run;
            }

            if (run < area.Columns)
            {
                RowsWithOutsidePixels = y + 1;
            }
        }
    }

    public KeptArea Area { get; }

    /// <summary>One past the last row that has a pixel outside the kept area (0 when every pixel is kept).</summary>
    public int RowsWithOutsidePixels { get; }

    /// <summary>Kept pixels in a rectangle already clipped to the frame.</summary>
    /// <param name="r">The rectangle.</param>
    /// <returns>The count.</returns>
    public int Kept(PixelRectangle r) =>
        _sums[((r.Y1 + 1) * _stride) + r.X1 + 1] - _sums[(r.Y0 * _stride) + r.X1 + 1] - _sums[((r.Y1 + 1) * _stride) + r.X0] + _sums[(r.Y0 * _stride) + r.X0];
}
