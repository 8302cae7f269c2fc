namespace Uplink.Dicom.Imaging;

/// <summary>The defined terms of Photometric Interpretation and the ones Uplink can clean in native form.</summary>
public static class PhotometricNames
{
    private static readonly Dictionary<string, Photometric> ByName = new(StringComparer.Ordinal)
    {
        ["MONOCHROME1"] = Photometric.Monochrome1,
        ["MONOCHROME2"] = Photometric.Monochrome2,
        ["RGB"] = Photometric.Rgb,
        ["YBR_FULL"] = Photometric.YbrFull,
        ["YBR_FULL_422"] = Photometric.YbrFull422,
        ["PALETTE COLOR"] = Photometric.PaletteColor,
        ["YBR_PARTIAL_422"] = Photometric.YbrPartial422,
        ["YBR_PARTIAL_420"] = Photometric.YbrPartial420,
        ["YBR_ICT"] = Photometric.YbrIct,
        ["YBR_RCT"] = Photometric.YbrRct,
        ["HSV"] = Photometric.Hsv,
        ["ARGB"] = Photometric.Argb,
        ["CMYK"] = Photometric.Cmyk,
        ["XYB"] = Photometric.Xyb,
    };

    /// <summary>Parses a Photometric Interpretation value (padding trimmed).</summary>
    /// <param name="value">The value as read.</param>
    /// <param name="photometric">The parsed value.</param>
    /// <returns>False when the value is not a defined term.</returns>
    public static bool TryParse(string? value, out Photometric photometric)
        => ByName.TryGetValue((value ?? string.Empty).Trim(), out photometric);

    /// <summary>The defined term for a value, as written in the dataset.</summary>
    /// <param name="photometric">The value.</param>
    /// <returns>Its name, for example <c>PALETTE COLOR</c>.</returns>
    public static string Name(Photometric photometric) => ByName.First(pair => pair.Value == photometric).Key;

    /// <summary>True for the interpretations whose native pixels Uplink can blank and check.</summary>
    /// <param name="photometric">The value.</param>
    /// <returns>Whether it is supported.</returns>
    public static bool IsSupported(Photometric photometric) => photometric <= Photometric.PaletteColor;
}
