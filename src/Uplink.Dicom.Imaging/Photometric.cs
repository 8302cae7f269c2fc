namespace Uplink.Dicom.Imaging;

/// <summary>
/// Photometric Interpretation (0028,0004) values of PS3.3 C.7.6.3.1.2. The first six can be cleaned natively;
/// the others are named so they can be refused by name.
/// </summary>
public enum Photometric
{
    /// <summary>MONOCHROME1: the minimum sample is white.</summary>
    Monochrome1,

    /// <summary>MONOCHROME2: the minimum sample is black.</summary>
    Monochrome2,

    /// <summary>RGB.</summary>
    Rgb,

    /// <summary>YBR_FULL: full-range Y, Cb, Cr.</summary>
    YbrFull,

    /// <summary>YBR_FULL_422: native data is Y0 Y1 Cb Cr for each pair of pixels.</summary>
    YbrFull422,

    /// <summary>PALETTE COLOR: one index per pixel into the Red/Green/Blue lookup tables.</summary>
    PaletteColor,

    /// <summary>YBR_PARTIAL_422 (retired).</summary>
    YbrPartial422,

    /// <summary>YBR_PARTIAL_420 (MPEG).</summary>
    YbrPartial420,

    /// <summary>YBR_ICT (JPEG 2000 irreversible).</summary>
    YbrIct,

    /// <summary>YBR_RCT (JPEG 2000 reversible).</summary>
    YbrRct,

    /// <summary>HSV (retired).</summary>
    Hsv,

    /// <summary>ARGB (retired).</summary>
    Argb,

    /// <summary>CMYK (retired).</summary>
    Cmyk,

    /// <summary>XYB (JPEG XL).</summary>
    Xyb,
}
