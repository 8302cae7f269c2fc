namespace Uplink.Dicom.Imaging;

/// <summary>
/// The part of a frame that carries the image and is kept: the union of its rectangles. Every pixel
/// outside it is blanked to black by the cleaner and proven black by the verifier.
/// </summary>
public sealed class KeptArea
{
    private readonly PixelRectangle[] _rectangles;

    /// <summary>Creates the area of a frame.</summary>
    /// <param name="columns">Frame width.</param>
    /// <param name="rows">Frame height.</param>
    /// <param name="rectangles">Rectangles to keep; parts outside the frame are clipped away.</param>
    public KeptArea(int columns, int rows, IEnumerable<PixelRectangle> rectangles)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentNullException.ThrowIfNull(rectangles);
        Columns = columns;
        Rows = rows;
        _rectangles = [.. rectangles.Select(r => r.ClipTo(columns, rows)).OfType<PixelRectangle>()];
    }

    /// <summary>Frame width.</summary>
    public int Columns { get; }

    /// <summary>Frame height.</summary>
    public int Rows { get; }

    /// <summary>The rectangles kept, clipped to the frame.</summary>
    public IReadOnlyList<PixelRectangle> Rectangles => _rectangles;

    /// <summary>True when the pixel is kept.</summary>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    /// <returns>Whether it is kept.</returns>
    public bool IsKept(int x, int y)
    {
        foreach (var rectangle in _rectangles)
        {
            if (rectangle.Contains(x, y))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The kept columns of one row as a mask of <see cref="Columns"/> entries (true = kept). Cleaners and
    /// checkers walk rows, so this is the shape they share.
    /// </summary>
    /// <param name="y">Row.</param>
    /// <param name="mask">Receives the mask; at least <see cref="Columns"/> long.</param>
    public void RowMask(int y, Span<bool> mask)
    {
        mask[..Columns].Clear();
        foreach (var rectangle in _rectangles)
        {
            if (y >= rectangle.Y0 && y <= rectangle.Y1)
            {
                mask.Slice(rectangle.X0, rectangle.Width).Fill(true);
            }
        }
    }

    /// <summary>True when every pixel of the rectangle is kept (it may span several kept rectangles).</summary>
    /// <param name="area">The rectangle to test, inside the frame.</param>
    /// <returns>Whether it is wholly kept.</returns>
    public bool ContainsWhole(PixelRectangle area)
    {
        Span<bool> mask = Columns <= 4096 ? stackalloc bool[Columns] : new bool[Columns];
        for (var y = area.Y0; y <= area.Y1; y++)
        {
            RowMask(y, mask);
            if (mask.Slice(area.X0, area.Width).Contains(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" ∪ ", _rectangles);
}
