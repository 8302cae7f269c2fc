using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>What the verifier proved of cleaned pixels, for the audit: the area and where it came from, never any text.</summary>
/// <param name="AreaSource">Where the image area came from (the regions, or a device rule's name and file).</param>
/// <param name="Kept">The rectangles kept exactly as in the source; every other pixel was proven black.</param>
/// <param name="Frames">How many frames were decoded and checked.</param>
internal sealed record PixelProof(string AreaSource, IReadOnlyList<PixelRectangle> Kept, int Frames);
