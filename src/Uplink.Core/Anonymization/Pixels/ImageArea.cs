using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>Where the image is in a frame, and how that was learnt (for the audit; never any text of the frame).</summary>
/// <param name="Area">The kept area.</param>
/// <param name="Source">Where it came from, for example <c>Sequence of Ultrasound Regions (2 regions)</c> or a device rule's file and name.</param>
internal sealed record ImageArea(KeptArea Area, string Source);
