namespace Uplink.Core.Anonymization;

/// <summary>The identity of an anonymized, verified instance written to disk.</summary>
/// <param name="Path">The written file.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
/// <param name="SopClassUid">SOP Class UID.</param>
/// <param name="SopInstanceUid">The new SOP Instance UID.</param>
/// <param name="StudyInstanceUid">The new Study Instance UID.</param>
/// <param name="SeriesInstanceUid">The new Series Instance UID.</param>
/// <param name="TransferSyntaxUid">The file's transfer syntax.</param>
/// <param name="NonDicomMediaType">For non-DICOM content kept as it came (its UIDs are then empty), its media type; null for DICOM.</param>
public sealed record AnonymizedInstanceInfo(
    string Path,
    long Length,
    string Sha256,
    string SopClassUid,
    string SopInstanceUid,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string TransferSyntaxUid,
    string? NonDicomMediaType = null);
