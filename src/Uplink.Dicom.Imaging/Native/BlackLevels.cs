namespace Uplink.Dicom.Imaging.Native;

/// <summary>The stored value of black for each sample of an image, as its Photometric Interpretation defines it.</summary>
internal static class BlackLevels
{
    /// <summary>Black for each sample (Y, Cb, Cr order for YBR), as stored in Bits Allocated (signed values sign-extended).</summary>
    public static ushort[] Of(ImageGeometry geometry)
    {
        var stored = geometry.BitsStored;
        int min = geometry.IsSigned ? -(1 << (stored - 1)) : 0;
        int max = geometry.IsSigned ? (1 << (stored - 1)) - 1 : (1 << stored) - 1;
        return geometry.Photometric switch
        {
            Photometric.Monochrome2 => [Store(min, geometry)],
            Photometric.Monochrome1 => [Store(max, geometry)],
            Photometric.Rgb => [0, 0, 0],
            Photometric.YbrFull or Photometric.YbrFull422 => [0, Store(1 << (stored - 1), geometry), Store(1 << (stored - 1), geometry)],
            Photometric.PaletteColor => [Store(DarkestPaletteValue(geometry, min, max), geometry)],
            _ => throw new PixelDataException($"Photometric Interpretation {geometry.PhotometricInterpretation} cannot be blanked in native form."),
        };
    }

    private static int DarkestPaletteValue(ImageGeometry geometry, int min, int max)
    {
        var palette = geometry.Palette!;
        var best = 0;
        var bestLuma = long.MaxValue;
        for (var i = 0; i < palette.Entries; i++)
        {
            long luma = (299L * palette.Red[i]) + (587L * palette.Green[i]) + (114L * palette.Blue[i]);
            if (luma < bestLuma)
            {
                best = i;
                bestLuma = luma;
            }
        }

        var value = palette.FirstMapped + best;
        if (value < min || value > max)
        {
            throw new PixelDataException($"The darkest palette entry {best} maps from pixel value {value}, which {geometry.BitsStored} stored bits cannot hold.");
        }

        return value;
    }

    // Two's complement masked to Bits Allocated, so a signed minimum is sign-extended over the unused high bits.
    private static ushort Store(int value, ImageGeometry geometry) => (ushort)(value & (geometry.IsEightBit ? 0xFF : 0xFFFF));
}
