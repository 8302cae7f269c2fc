using Uplink.Dicom;

namespace Uplink.Core.Anonymization;

/// <summary>What <see cref="SourceReader"/> made of a source file: exactly one of parsed, refused, or non-DICOM content to keep.</summary>
internal sealed record SourceReading
{
    private SourceReading(DicomFile? file, InstanceResult? refusal)
    {
        File = file;
        Refusal = refusal;
    }

    /// <summary>The parsed file, when the source is DICOM; the caller disposes it.</summary>
    public DicomFile? File { get; }

    /// <summary>The result that refuses the source (set aside or discarded), when it does.</summary>
    public InstanceResult? Refusal { get; }

    /// <summary>The source parsed as DICOM.</summary>
    /// <param name="file">The parsed file.</param>
    /// <returns>A parsed reading.</returns>
    public static SourceReading Parsed(DicomFile file) => new(file, null);

    /// <summary>The source is refused.</summary>
    /// <param name="refusal">The result that says why.</param>
    /// <returns>A refused reading.</returns>
    public static SourceReading Refused(InstanceResult refusal) => new(null, refusal);

    /// <summary>The source is not DICOM and the profile keeps non-DICOM content.</summary>
    /// <returns>A reading that keeps the file.</returns>
    public static SourceReading NonDicomToKeep() => new(null, null);
}
