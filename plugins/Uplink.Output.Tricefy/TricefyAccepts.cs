using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.Tricefy;

/// <summary>
/// What Tricefy's "DICOMweb Specifications" page accepts, as data, with names for the reasons. The host reads it
/// through <see cref="TricefyOutput.Acceptance"/> and shapes every instance to fit before verifying it; the output
/// checks it again before each upload and sets aside, never transforms, a file that does not fit.
/// </summary>
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

    /// <summary>The declaration the host shapes instances to.</summary>
    /// <param name="options">The output's settings (size limit, whether clips may be split).</param>
    /// <returns>The acceptance.</returns>
    public static OutputAcceptance For(TricefyOptions options) =>
        OutputAcceptance.Create(options.MaxFileBytes, TransferSyntaxes.Keys, SopClasses.Keys) with { SplitsLargeClips = options.SplitLargeClips };

    /// <summary>Why Tricefy cannot take a file as it is, or null when it can (the defence behind the host's shaping).</summary>
    /// <param name="instance">The file to upload.</param>
    /// <param name="options">The output's settings.</param>
    /// <returns>The reason, naming the SOP class, transfer syntax or size.</returns>
    public static string? Violation(OutboundInstance instance, TricefyOptions options)
    {
        if (!SopClasses.ContainsKey(instance.SopClassUid))
        {
            return $"SOP class {instance.SopClassUid} is not accepted by Tricefy (it takes {SopClassList}).";
        }

        if (!TransferSyntaxes.ContainsKey(instance.TransferSyntaxUid))
        {
            return $"Transfer syntax {instance.TransferSyntaxUid} is not accepted by Tricefy (it takes {TransferSyntaxList}); the host should have converted it, and the output never does.";
        }

        return instance.Length > options.MaxFileBytes
            ? $"The file has {instance.Length} bytes, over Tricefy's limit of {options.MaxFileBytes}; the host should have split it, and the output never does."
            : null;
    }

    /// <summary>The accepted SOP classes by name, for reasons.</summary>
    public static string SopClassList => string.Join(", ", SopClasses.Values);

    /// <summary>The accepted transfer syntaxes by name, for reasons.</summary>
    public static string TransferSyntaxList => string.Join(", ", TransferSyntaxes.Values);
}
