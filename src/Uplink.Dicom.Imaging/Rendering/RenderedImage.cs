namespace Uplink.Dicom.Imaging.Rendering;

/// <summary>A frame rendered for display: 8-bit gray or RGB.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="IsRgb">True for three bytes per pixel, false for one gray byte.</param>
/// <param name="Pixels">Rows top to bottom.</param>
public sealed record RenderedImage(int Width, int Height, bool IsRgb, byte[] Pixels)
{
    /// <summary>Writes the image as a PNG.</summary>
    /// <param name="output">Where it goes.</param>
    public void WritePng(Stream output) => PngWriter.Write(output, Width, Height, IsRgb, Pixels);

    /// <summary>Writes the image as a PNG file.</summary>
    /// <param name="path">The file.</param>
    public void SavePng(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        WritePng(file);
    }
}
