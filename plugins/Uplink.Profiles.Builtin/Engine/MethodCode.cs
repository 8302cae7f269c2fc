using Uplink.Dicom;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>A de-identification method (CID 7050, coding scheme DCM) a profile may stamp.</summary>
/// <param name="Code">The DCM code value, for example <c>113100</c>.</param>
/// <param name="Meaning">The code meaning.</param>
internal sealed record MethodCode(string Code, string Meaning)
{
    /// <summary>The tags an option retains or cleans: the option counts as applied when one of them was kept.</summary>
    public IReadOnlySet<DicomTag> OptionTags { get; init; } = new HashSet<DicomTag>();

    /// <summary>The basic profile (113100).</summary>
    public static MethodCode BasicProfile { get; } = new("113100", "Basic Application Confidentiality Profile");

    /// <summary>Dates kept to the year and times nulled (113107).</summary>
    public static MethodCode ModifiedDates { get; } = new("113107", "Retain Longitudinal Temporal Information Modified Dates Option");

    /// <summary>Burned-in text blanked outside the image area (113101).</summary>
    public static MethodCode CleanPixelData { get; } = new("113101", "Clean Pixel Data Option");

    /// <summary>SR content cleaned (113104).</summary>
    public static MethodCode CleanStructuredContent { get; } = new("113104", "Clean Structured Content Option");
}
