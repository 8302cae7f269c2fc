using System.Numerics;
using System.Runtime.InteropServices;

namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// Which MCUs of a frame lie wholly inside the kept area (the same answer as <see cref="KeptArea.ContainsWhole"/>
/// for each MCU's footprint clipped to the frame, computed per MCU row from row masks so a frame costs one pass
/// over its pixels rather than one per MCU), and the kept MCUs as rectangles.
/// </summary>
internal static class JpegMcuMap
{
    /// <summary>Marks the kept MCUs.</summary>
    /// <param name="area">The kept area; its size is the frame's.</param>
    /// <param name="mcuWidth">MCU width in pixels.</param>
    /// <param name="mcuHeight">MCU height in pixels.</param>
    /// <param name="kept">Receives one flag per MCU in raster order.</param>
    /// <returns>The kept MCUs as rectangles (runs per MCU row, merged down while they line up).</returns>
    public static List<PixelRectangle> Compute(KeptArea area, int mcuWidth, int mcuHeight, Span<bool> kept)
    {
        var columns = (area.Columns + mcuWidth - 1) / mcuWidth;
        var rows = (area.Rows + mcuHeight - 1) / mcuHeight;
        var allKept = new bool[area.Columns];
        var rowMask = new bool[area.Columns];
        var rectangles = new List<PixelRectangle>();
        var open = new List<int>();
        kept.Clear();
        if (area.Rectangles.Count == 0)
        {
            return rectangles;
        }

        for (var row = 0; row < rows; row++)
        {
            var y0 = row * mcuHeight;
            var y1 = Math.Min(y0 + mcuHeight, area.Rows) - 1;
            allKept.AsSpan().Fill(true);
            for (var y = y0; y <= y1; y++)
            {
                area.RowMask(y, rowMask);
                And(allKept, rowMask);
            }

            var stillOpen = new List<int>();
            var column = 0;
            while (column < columns)
            {
                if (!IsWhole(allKept, column, mcuWidth))
                {
                    column++;
                    continue;
                }

                var first = column;
                while (column < columns && IsWhole(allKept, column, mcuWidth))
                {
                    kept[(row * columns) + column] = true;
                    column++;
                }

                var run = new PixelRectangle(first * mcuWidth, y0, Math.Min(column * mcuWidth, area.Columns) - 1, y1);
                var above = open.FindIndex(i => rectangles[i].X0 == run.X0 && rectangles[i].X1 == run.X1);
                if (above >= 0)
                {
                    var index = open[above];
                    rectangles[index] = rectangles[index] with { Y1 = y1 };
                    stillOpen.Add(index);
                }
                else
                {
                    stillOpen.Add(rectangles.Count);
                    rectangles.Add(run);
                }
            }

            open = stillOpen;
        }

        return rectangles;
    }

    private static void And(bool[] target, bool[] mask)
    {
        // bool is one byte holding 0 or 1, so a bytewise AND is a logical AND, a vector at a time.
        var into = MemoryMarshal.Cast<bool, byte>(target.AsSpan());
        var with = MemoryMarshal.Cast<bool, byte>(mask.AsSpan(0, target.Length));
        var i = 0;
        for (; i <= into.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            (new Vector<byte>(into[i..]) & new Vector<byte>(with[i..])).CopyTo(into[i..]);
        }

        for (; i < into.Length; i++)
        {
            into[i] &= with[i];
        }
    }

    private static bool IsWhole(bool[] allKept, int column, int mcuWidth)
    {
        var x0 = column * mcuWidth;
        var width = Math.Min(mcuWidth, allKept.Length - x0);
        return !allKept.AsSpan(x0, width).Contains(false);
    }
}
