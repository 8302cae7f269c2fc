namespace Uplink.Tricefy.Simulator.Rules;

/// <summary>What Tricefy's "DICOMweb Specifications" page accepts, as data.</summary>
internal static class PublishedRules
{
    /// <summary>The only media type of an upload: one raw Part 10 file per request.</summary>
    public const string DicomMediaType = "application/dicom";

    /// <summary>JPEG Baseline, JPEG Lossless (process 14, SV1) and Explicit VR Little Endian.</summary>
    public static readonly IReadOnlySet<string> TransferSyntaxes = new HashSet<string>(StringComparer.Ordinal)
    {
        "1.2.840.10008.1.2.4.50",
        "1.2.840.10008.1.2.4.70",
        "1.2.840.10008.1.2.1",
    };

    /// <summary>Ultrasound Image, Ultrasound Multi-frame Image, Comprehensive SR, Secondary Capture, Encapsulated PDF.</summary>
    public static readonly IReadOnlySet<string> SopClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        "1.2.840.10008.5.1.4.1.1.6.1",
        "1.2.840.10008.5.1.4.1.1.3.1",
        "1.2.840.10008.5.1.4.1.1.88.33",
        "1.2.840.10008.5.1.4.1.1.7",
        "1.2.840.10008.5.1.4.1.1.104.1",
    };
}
