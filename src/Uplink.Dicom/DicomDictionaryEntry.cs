namespace Uplink.Dicom;

/// <summary>One row of the PS3.6 data dictionary.</summary>
/// <param name="Tag">The tag; for repeating groups such as <c>60xx</c> the first instance (<c>6000</c>).</param>
/// <param name="VR">The VR, the first one when the standard lists several (<c>US or SS</c> gives <c>US</c>).</param>
/// <param name="VM">The value multiplicity as the standard writes it (<c>1</c>, <c>1-n</c>, <c>2-2n</c>).</param>
/// <param name="Keyword">The keyword (<c>PatientName</c>), empty for the few nameless retired rows.</param>
/// <param name="Name">The name (<c>Patient's Name</c>).</param>
/// <param name="IsRetired">True when the standard has retired the element.</param>
public sealed record DicomDictionaryEntry(DicomTag Tag, DicomVR VR, string VM, string Keyword, string Name, bool IsRetired)
{
    /// <summary>True when the standard allows OW besides the first VR (<c>OB or OW</c>, <c>US or SS or OW</c>).</summary>
    internal bool AllowsOW { get; init; }

    /// <summary>True when the standard lists <c>US or SS</c>: signed when Pixel Representation is 1.</summary>
    internal bool AllowsSS { get; init; }
}
