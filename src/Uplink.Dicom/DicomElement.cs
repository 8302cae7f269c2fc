using Uplink.Dicom.IO;

namespace Uplink.Dicom;

/// <summary>A data element holding a value, in memory or as a reference to bytes on disk.</summary>
public sealed class DicomElement : DicomItem
{
    private readonly ReadOnlyMemory<byte> _bytes;

    private DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> bytes, BulkDataReference? bulk)
        : base(tag, vr)
    {
        _bytes = bytes;
        Bulk = bulk;
    }

    /// <summary>The value length in bytes (before any padding the writer adds).</summary>
    public long Length => Bulk?.Length ?? _bytes.Length;

    /// <summary>True when the value stays on disk (see <see cref="Bulk"/>).</summary>
    public bool IsBulk => Bulk is not null;

    /// <summary>The in-memory value, little endian, exactly as read (padding included).</summary>
    /// <exception cref="InvalidOperationException">The value is bulk data: use <see cref="OpenValue"/>.</exception>
    public ReadOnlyMemory<byte> Bytes => Bulk is null
        ? _bytes
        : throw new InvalidOperationException($"{Tag} holds {Bulk.Length} bytes of bulk data on disk; read it with OpenValue().");

    /// <summary>Where the value is on disk, or null when it is in memory.</summary>
    public BulkDataReference? Bulk { get; }

    /// <summary>Builds an element with an in-memory value.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR.</param>
    /// <param name="bytes">The value, little endian.</param>
    /// <returns>The element.</returns>
    public static DicomElement FromBytes(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> bytes) => new(tag, vr, bytes, null);

    /// <summary>Builds an element whose value stays on disk.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR.</param>
    /// <param name="bulk">Where the value is.</param>
    /// <returns>The element.</returns>
    public static DicomElement FromBulk(DicomTag tag, DicomVR vr, BulkDataReference bulk)
    {
        ArgumentNullException.ThrowIfNull(bulk);
        return new(tag, vr, ReadOnlyMemory<byte>.Empty, bulk);
    }

    /// <summary>Opens the value for reading, in memory or on disk.</summary>
    /// <returns>A read-only stream of <see cref="Length"/> bytes.</returns>
    public Stream OpenValue() => Bulk is null ? new ReadOnlyMemoryStream(_bytes) : Bulk.OpenRead();

    internal override DicomItem DeepClone() => this;
}
