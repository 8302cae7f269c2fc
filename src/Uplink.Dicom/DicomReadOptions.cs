namespace Uplink.Dicom;

/// <summary>How <see cref="DicomFile"/> reads.</summary>
public sealed class DicomReadOptions
{
    /// <summary>Values longer than this many bytes stay on disk as <see cref="BulkDataReference"/> (default 64 KiB).</summary>
    public int BulkDataThreshold { get; init; } = 64 * 1024;

    /// <summary>The deepest nesting of sequences accepted before the file is rejected (default 64).</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>The defaults.</summary>
    internal static DicomReadOptions Default { get; } = new();
}
