using Uplink.Dicom.IO;

namespace Uplink.Dicom;

/// <summary>A value that stays on disk: a byte range of a file, read only when it is copied.</summary>
public sealed class BulkDataReference
{
    /// <summary>Refers to <paramref name="length"/> bytes at <paramref name="offset"/> of the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file holding the bytes.</param>
    /// <param name="offset">Where the value starts.</param>
    /// <param name="length">How many bytes it has.</param>
    public BulkDataReference(string path, long offset, long length)
        : this(path, offset, length, 0)
    {
    }

    /// <summary>Refers to a range whose bytes are big endian words of <paramref name="byteSwapUnit"/> bytes.</summary>
    /// <param name="path">The file holding the bytes.</param>
    /// <param name="offset">Where the value starts.</param>
    /// <param name="length">How many bytes it has.</param>
    /// <param name="byteSwapUnit">0 for bytes as they are; 2, 4 or 8 to swap each word to little endian when read.</param>
    public BulkDataReference(string path, long offset, long length, int byteSwapUnit)
        : this(new BulkSource(CheckPath(path)), offset, length, byteSwapUnit)
    {
    }

    internal BulkDataReference(BulkSource source, long offset, long length, int byteSwapUnit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (byteSwapUnit is not (0 or 2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(byteSwapUnit), byteSwapUnit, "The swap unit is 0, 2, 4 or 8 bytes.");
        }

        Source = source;
        Offset = offset;
        Length = length;
        ByteSwapUnit = byteSwapUnit;
    }

    /// <summary>The file holding the bytes.</summary>
    public string Path => Source.Path;

    /// <summary>Where the value starts in the file.</summary>
    public long Offset { get; }

    /// <summary>How many bytes the value has.</summary>
    public long Length { get; }

    /// <summary>0 when the bytes are little endian as stored; else the word size swapped on read (big endian source).</summary>
    public int ByteSwapUnit { get; }

    /// <summary>Opens the bytes for reading, in little endian order.</summary>
    /// <returns>A read-only stream of exactly <see cref="Length"/> bytes.</returns>
    public Stream OpenRead()
    {
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        Stream range = new RangeStream(file, Offset, Length);
        return ByteSwapUnit == 0 ? range : new ByteSwapStream(range, ByteSwapUnit);
    }

    /// <summary>A part of this value.</summary>
    /// <param name="offset">Where the part starts, relative to this value.</param>
    /// <param name="length">How many bytes the part has.</param>
    /// <returns>The reference to the part.</returns>
    public BulkDataReference Slice(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, {offset + length}) is outside the value of {Length} bytes.");
        }

        return new BulkDataReference(Source, Offset + offset, length, ByteSwapUnit);
    }

    /// <summary>The file, shared with the other references read from it.</summary>
    internal BulkSource Source { get; }

    private static string CheckPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path;
    }
}
