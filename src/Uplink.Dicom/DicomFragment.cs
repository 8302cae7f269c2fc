using Uplink.Dicom.IO;

namespace Uplink.Dicom;

/// <summary>One item of encapsulated pixel data, kept byte for byte (never decoded).</summary>
public sealed class DicomFragment
{
    private readonly ReadOnlyMemory<byte> _bytes;

    private DicomFragment(ReadOnlyMemory<byte> bytes, BulkDataReference? bulk)
    {
        _bytes = bytes;
        Bulk = bulk;
    }

    /// <summary>The fragment length in bytes.</summary>
    public long Length => Bulk?.Length ?? _bytes.Length;

    /// <summary>Where the bytes are on disk, or null when they are in memory.</summary>
    public BulkDataReference? Bulk { get; }

    /// <summary>Builds a fragment from bytes in memory.</summary>
    /// <param name="bytes">The fragment.</param>
    /// <returns>The fragment.</returns>
    public static DicomFragment FromBytes(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    /// <summary>Builds a fragment whose bytes stay on disk.</summary>
    /// <param name="bulk">Where the bytes are.</param>
    /// <returns>The fragment.</returns>
    public static DicomFragment FromBulk(BulkDataReference bulk)
    {
        ArgumentNullException.ThrowIfNull(bulk);
        return new(ReadOnlyMemory<byte>.Empty, bulk);
    }

    /// <summary>Opens the fragment bytes.</summary>
    /// <returns>A read-only stream of <see cref="Length"/> bytes.</returns>
    public Stream OpenRead() => Bulk is null ? new ReadOnlyMemoryStream(_bytes) : Bulk.OpenRead();
}
