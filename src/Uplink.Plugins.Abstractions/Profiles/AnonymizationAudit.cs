using Uplink.Dicom;

namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>What a profile did to one instance: tags only, never values.</summary>
/// <param name="Removed">Tags removed (at any depth).</param>
/// <param name="Replaced">Tags whose value was replaced or emptied.</param>
/// <param name="Kept">Tags kept as they were.</param>
/// <param name="Methods">The de-identification methods actually applied (for the Deidentification Method attributes).</param>
public sealed record AnonymizationAudit(
    IReadOnlyList<DicomTag> Removed,
    IReadOnlyList<DicomTag> Replaced,
    IReadOnlyList<DicomTag> Kept,
    IReadOnlyList<string> Methods);
