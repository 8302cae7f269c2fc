namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>What one <see cref="JpegBaselineCleaner.Clean"/> call did to a frame.</summary>
/// <param name="Effective">
/// The area actually preserved bit for bit: the MCUs wholly inside the requested area, as rectangles. It is the
/// requested area shrunk to MCU boundaries; every pixel outside it decodes black.
/// </param>
/// <param name="McuWidth">MCU width in pixels (8 × Hmax; 8 for one component).</param>
/// <param name="McuHeight">MCU height in pixels (8 × Vmax; 8 for one component).</param>
/// <param name="McusKept">MCUs copied unchanged.</param>
/// <param name="McusBlanked">MCUs made black.</param>
/// <param name="BlocksBlanked">8×8 blocks made flat black (all components).</param>
/// <param name="RestartInterval">MCUs per restart interval, kept from the source (0 = none).</param>
/// <param name="BytesWritten">Length of the cleaned JPEG stream.</param>
public sealed record JpegCleaning(
    KeptArea Effective,
    int McuWidth,
    int McuHeight,
    int McusKept,
    int McusBlanked,
    int BlocksBlanked,
    int RestartInterval,
    long BytesWritten);
