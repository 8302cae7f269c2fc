using System.Buffers.Binary;
using System.Globalization;

namespace Uplink.Dicom.Imaging.Rendering;

/// <summary>
/// Renders one native frame for display: monochrome to 8-bit gray (MONOCHROME1 inverted; more than 8 bits scaled
/// by Window Center/Width when given, else by the frame's minimum and maximum), PALETTE COLOR through its tables
/// to RGB, YBR_FULL and YBR_FULL_422 to RGB (PS3.3 C.7.6.3.1.2), RGB as it is.
/// </summary>
public static class FrameRenderer
{
    /// <summary>Renders a frame with the window of its dataset, if any.</summary>
    /// <param name="frame">The native frame, little endian.</param>
    /// <param name="geometry">Its geometry.</param>
    /// <param name="dataset">The image, for Window Center (0028,1050) and Window Width (0028,1051); may be null.</param>
    /// <returns>The rendered image.</returns>
    public static RenderedImage Render(ReadOnlySpan<byte> frame, ImageGeometry geometry, DicomDataset? dataset)
    {
        double? center = null, width = null;
        if (dataset is not null
            && double.TryParse(dataset.GetStrings(DicomTags.WindowCenter).FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var c)
            && double.TryParse(dataset.GetStrings(DicomTags.WindowWidth).FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && w >= 1)
        {
            center = c;
            width = w;
        }

        return Render(frame, geometry, center, width);
    }

    /// <summary>Renders a frame.</summary>
    /// <param name="frame">The native frame, little endian.</param>
    /// <param name="geometry">Its geometry.</param>
    /// <param name="windowCenter">Window Center for monochrome data, or null for the frame's range.</param>
    /// <param name="windowWidth">Window Width (at least 1), or null.</param>
    /// <returns>The rendered image.</returns>
    /// <exception cref="PixelDataException">The interpretation cannot be rendered.</exception>
    public static RenderedImage Render(ReadOnlySpan<byte> frame, ImageGeometry geometry, double? windowCenter, double? windowWidth)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentOutOfRangeException.ThrowIfLessThan(frame.Length, geometry.FrameLength);
        var pixels = (int)geometry.PixelsPerFrame;
        switch (geometry.Photometric)
        {
            case Photometric.Monochrome1 or Photometric.Monochrome2:
                return new RenderedImage(geometry.Columns, geometry.Rows, false, Gray(frame, geometry, windowCenter, windowWidth));
            case Photometric.PaletteColor:
                {
                    var palette = geometry.Palette!;
                    var shift = palette.BitsPerEntry == 16 ? 8 : 0;
                    var rgb = new byte[pixels * 3];
                    for (var p = 0; p < pixels; p++)
                    {
                        var entry = palette.EntryOf(Sample(frame, geometry, p));
                        rgb[3 * p] = (byte)(palette.Red[entry] >> shift);
                        rgb[(3 * p) + 1] = (byte)(palette.Green[entry] >> shift);
                        rgb[(3 * p) + 2] = (byte)(palette.Blue[entry] >> shift);
                    }

                    return new RenderedImage(geometry.Columns, geometry.Rows, true, rgb);
                }

            case Photometric.Rgb or Photometric.YbrFull or Photometric.YbrFull422:
                return new RenderedImage(geometry.Columns, geometry.Rows, true, Colour(frame, geometry));
            default:
                throw new PixelDataException($"Photometric Interpretation {geometry.PhotometricInterpretation} cannot be rendered.");
        }
    }

    private static byte[] Gray(ReadOnlySpan<byte> frame, ImageGeometry geometry, double? center, double? width)
    {
        var pixels = (int)geometry.PixelsPerFrame;
        var values = new int[pixels];
        int min = int.MaxValue, max = int.MinValue;
        for (var p = 0; p < pixels; p++)
        {
            var v = Sample(frame, geometry, p);
            values[p] = v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        double low, high;
        if (center is double c && width is double w)
        {
            low = c - 0.5 - ((w - 1) / 2);
            high = c - 0.5 + ((w - 1) / 2);
        }
        else if (geometry.BitsStored == 8 && !geometry.IsSigned)
        {
            (low, high) = (0, 255);
        }
        else
        {
            (low, high) = (min, max);
        }

        var gray = new byte[pixels];
        var span = Math.Max(high - low, 1);
        var invert = geometry.Photometric == Photometric.Monochrome1;
        for (var p = 0; p < pixels; p++)
        {
            var level = (byte)Math.Clamp(Math.Round((values[p] - low) / span * 255), 0, 255);
            gray[p] = invert ? (byte)(255 - level) : level;
        }

        return gray;
    }

    private static byte[] Colour(ReadOnlySpan<byte> frame, ImageGeometry geometry)
    {
        var pixels = (int)geometry.PixelsPerFrame;
        var rgb = new byte[pixels * 3];
        var shift = geometry.BitsStored - 8;
        var half = 1 << (geometry.BitsStored - 1);
        for (var p = 0; p < pixels; p++)
        {
            int a, b, c;
            if (geometry.Photometric == Photometric.YbrFull422)
            {
                var pair = (p / 2) * 4;
                a = Raw(frame, geometry, pair + (p % 2));
                b = Raw(frame, geometry, pair + 2);
                c = Raw(frame, geometry, pair + 3);
            }
            else if (geometry.PlanarConfiguration == 1)
            {
                a = Raw(frame, geometry, p);
                b = Raw(frame, geometry, p + pixels);
                c = Raw(frame, geometry, p + (2 * pixels));
            }
            else
            {
                a = Raw(frame, geometry, 3 * p);
                b = Raw(frame, geometry, (3 * p) + 1);
                c = Raw(frame, geometry, (3 * p) + 2);
            }

            if (geometry.Photometric != Photometric.Rgb)
            {
                var (y, cb, cr) = (a, b - half, c - half);
                (a, b, c) = ((int)Math.Round(y + (1.402 * cr)), (int)Math.Round(y - (0.344136 * cb) - (0.714136 * cr)), (int)Math.Round(y + (1.772 * cb)));
            }

            rgb[3 * p] = Scale(a, shift, geometry.BitsStored);
            rgb[(3 * p) + 1] = Scale(b, shift, geometry.BitsStored);
            rgb[(3 * p) + 2] = Scale(c, shift, geometry.BitsStored);
        }

        return rgb;
    }

    private static byte Scale(int value, int shift, int bits)
    {
        var clamped = Math.Clamp(value, 0, (1 << bits) - 1);
        return (byte)(shift > 0 ? clamped >> shift : clamped);
    }

    // Sample index i of the frame as stored, masked to Bits Stored.
    private static int Raw(ReadOnlySpan<byte> frame, ImageGeometry geometry, int i)
    {
        var raw = geometry.IsEightBit ? frame[i] : BinaryPrimitives.ReadUInt16LittleEndian(frame[(2 * i)..]);
        return raw & ((1 << geometry.BitsStored) - 1);
    }

    // Single-sample pixel p, sign-extended from Bits Stored when signed.
    private static int Sample(ReadOnlySpan<byte> frame, ImageGeometry geometry, int p)
    {
        var value = Raw(frame, geometry, p);
        var sign = 1 << (geometry.BitsStored - 1);
        return geometry.IsSigned && (value & sign) != 0 ? value - (sign << 1) : value;
    }
}
