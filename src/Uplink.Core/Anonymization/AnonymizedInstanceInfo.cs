using System.Diagnostics.CodeAnalysis;

namespace Uplink.Core.Anonymization;

/// <summary>
/// What was written to disk and may be sent: an anonymized, verified DICOM instance (<see cref="Instance"/>), or
/// non-DICOM content a profile keeps as it came (<see cref="Document"/>), which has no UIDs at all.
/// </summary>
public sealed record AnonymizedInstanceInfo
{
    private AnonymizedInstanceInfo(string path, long length, string sha256)
    {
        Path = path;
        Length = length;
        Sha256 = sha256;
    }

    /// <summary>The written file.</summary>
    public string Path { get; }

    /// <summary>Its length in bytes.</summary>
    public long Length { get; }

    /// <summary>Its SHA-256, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>SOP Class UID; null for a document.</summary>
    public string? SopClassUid { get; private init; }

    /// <summary>The new SOP Instance UID; null for a document.</summary>
    public string? SopInstanceUid { get; private init; }

    /// <summary>The new Study Instance UID; null for a document.</summary>
    public string? StudyInstanceUid { get; private init; }

    /// <summary>The new Series Instance UID; null for a document.</summary>
    public string? SeriesInstanceUid { get; private init; }

    /// <summary>The file's transfer syntax; null for a document.</summary>
    public string? TransferSyntaxUid { get; private init; }

    /// <summary>A document's media type (as sniffed from its first bytes); null for a DICOM instance.</summary>
    public string? NonDicomMediaType { get; private init; }

    /// <summary>True for non-DICOM content kept as it came: it has a media type and no UIDs; false for a DICOM instance, which has every UID.</summary>
    [MemberNotNullWhen(true, nameof(NonDicomMediaType))]
    [MemberNotNullWhen(false, nameof(SopClassUid), nameof(SopInstanceUid), nameof(StudyInstanceUid), nameof(SeriesInstanceUid), nameof(TransferSyntaxUid))]
    public bool IsDocument => NonDicomMediaType is not null;

    /// <summary>An anonymized, verified DICOM instance.</summary>
    /// <param name="path">The written file.</param>
    /// <param name="length">Its length in bytes.</param>
    /// <param name="sha256">Its SHA-256, lower-case hex.</param>
    /// <param name="sopClassUid">SOP Class UID.</param>
    /// <param name="sopInstanceUid">The new SOP Instance UID.</param>
    /// <param name="studyInstanceUid">The new Study Instance UID.</param>
    /// <param name="seriesInstanceUid">The new Series Instance UID.</param>
    /// <param name="transferSyntaxUid">The file's transfer syntax.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="ArgumentNullException">A UID is null (a DICOM instance always has one; a document has none).</exception>
    public static AnonymizedInstanceInfo Instance(
        string path, long length, string sha256, string sopClassUid, string sopInstanceUid, string studyInstanceUid, string seriesInstanceUid, string transferSyntaxUid)
    {
        ArgumentNullException.ThrowIfNull(sopClassUid);
        ArgumentNullException.ThrowIfNull(sopInstanceUid);
        ArgumentNullException.ThrowIfNull(studyInstanceUid);
        ArgumentNullException.ThrowIfNull(seriesInstanceUid);
        ArgumentNullException.ThrowIfNull(transferSyntaxUid);
        return new AnonymizedInstanceInfo(path, length, sha256)
        {
            SopClassUid = sopClassUid,
            SopInstanceUid = sopInstanceUid,
            StudyInstanceUid = studyInstanceUid,
            SeriesInstanceUid = seriesInstanceUid,
            TransferSyntaxUid = transferSyntaxUid,
        };
    }

    /// <summary>Non-DICOM content a profile keeps as it came, to be sent password protected; it has no UIDs.</summary>
    /// <param name="path">The kept copy.</param>
    /// <param name="length">Its length in bytes.</param>
    /// <param name="sha256">Its SHA-256, lower-case hex.</param>
    /// <param name="mediaType">Its media type.</param>
    /// <returns>The document.</returns>
    public static AnonymizedInstanceInfo Document(string path, long length, string sha256, string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        return new AnonymizedInstanceInfo(path, length, sha256) { NonDicomMediaType = mediaType };
    }
}
