namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// How the components of a JPEG frame are to be read, derived by the caller from Photometric Interpretation
/// (RGB → <see cref="Rgb"/>, MONOCHROME1/2 → <see cref="Monochrome"/>, anything else → <see cref="YCbCr"/>). It
/// decides what "black" is: the luma (or every RGB component) at its lowest level, chroma neutral.
/// </summary>
public enum JpegColorModel
{
    /// <summary>One component: gray levels.</summary>
    Monochrome,

    /// <summary>Three components: luma then two chroma; black is luma 0, chroma neutral (128).</summary>
    YCbCr,

    /// <summary>Three components coded without colour transform; black is 0 in each.</summary>
    Rgb,
}
