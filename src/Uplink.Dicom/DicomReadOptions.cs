namespace Uplink.Dicom;

/// <summary>How <see cref="DicomFile"/> reads.</summary>
public sealed class DicomReadOptions
{
    /// <summary>Binary values (OB, OW, OF, OD, OL, OV, UN) and fragments longer than this many bytes stay on disk as
    /// <see cref="BulkDataReference"/> (default 64 KiB). Text and numbers stay in memory up to 64 MiB.</summary>
    public int BulkDataThreshold { get; init; } = 64 * 1024;

    /// <summary>The deepest nesting of sequences accepted before the file is rejected (default 64).</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>The most elements, sequence items and fragments one file may hold, at every depth together, before it is
    /// rejected (default 1,000,000; real images hold thousands), so millions of tiny elements cannot exhaust memory.</summary>
    public int MaxItems { get; init; } = 1_000_000;

    /// <summary>The defaults.</summary>
    internal static DicomReadOptions Default { get; } = new();
}
