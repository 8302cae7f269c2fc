namespace Uplink.Dicom.Imaging;

/// <summary>
/// A rectangle of pixels with inclusive corners, as the Sequence of Ultrasound Regions gives them
/// (Region Location Min X0/Y0, Max X1/Y1).
/// </summary>
/// <param name="X0">Leftmost column, 0-based.</param>
/// <param name="Y0">Top row, 0-based.</param>
/// <param name="X1">Rightmost column, inclusive.</param>
/// <param name="Y1">Bottom row, inclusive.</param>
public readonly record struct PixelRectangle(int X0, int Y0, int X1, int Y1)
{
    /// <summary>Width in pixels.</summary>
    public int Width => X1 - X0 + 1;

    /// <summary>Height in pixels.</summary>
    public int Height => Y1 - Y0 + 1;

    /// <summary>True when the pixel lies inside.</summary>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    /// <returns>Whether it is inside.</returns>
    public bool Contains(int x, int y) => x >= X0 && x <= X1 && y >= Y0 && y <= Y1;

    /// <summary>The part of this rectangle inside a frame of <paramref name="columns"/> × <paramref name="rows"/>, or null when none is.</summary>
    /// <param name="columns">Frame width.</param>
    /// <param name="rows">Frame height.</param>
    /// <returns>The clipped rectangle.</returns>
    public PixelRectangle? ClipTo(int columns, int rows)
    {
        var clipped = new PixelRectangle(Math.Max(X0, 0), Math.Max(Y0, 0), Math.Min(X1, columns - 1), Math.Min(Y1, rows - 1));
        return clipped.X0 <= clipped.X1 && clipped.Y0 <= clipped.Y1 ? clipped : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"({X0},{Y0})-({X1},{Y1})";
}
