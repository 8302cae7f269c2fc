namespace Uplink.Output.Tricefy.Preflight;

/// <summary>What Tricefy's "DICOMweb Specifications" page accepts, as data, with names for the reasons.</summary>
internal static class TricefyAccepts
{
    public const string ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";

    /// <summary>Accepted transfer syntaxes.</summary>
    public static readonly IReadOnlyDictionary<string, string> TransferSyntaxes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1.2.840.10008.1.2.4.50"] = "JPEG Baseline",
        ["1.2.840.10008.1.2.4.70"] = "JPEG Lossless SV1",
        [ExplicitVRLittleEndian] = "Explicit VR Little Endian",
    };

    /// <summary>Accepted SOP classes.</summary>
    public static readonly IReadOnlyDictionary<string, string> SopClasses = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1.2.840.10008.5.1.4.1.1.6.1"] = "Ultrasound Image",
        ["1.2.840.10008.5.1.4.1.1.3.1"] = "Ultrasound Multi-frame Image",
        ["1.2.840.10008.5.1.4.1.1.88.33"] = "Comprehensive SR",
        ["1.2.840.10008.5.1.4.1.1.7"] = "Secondary Capture Image",
        ["1.2.840.10008.5.1.4.1.1.104.1"] = "Encapsulated PDF",
    };

    /// <summary>The accepted SOP classes by name, for reasons.</summary>
    public static string SopClassList => string.Join(", ", SopClasses.Values);

    /// <summary>The accepted transfer syntaxes by name, for reasons.</summary>
    public static string TransferSyntaxList => string.Join(", ", TransferSyntaxes.Values);
}
