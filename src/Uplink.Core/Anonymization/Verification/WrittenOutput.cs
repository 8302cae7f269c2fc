using Microsoft.Win32.SafeHandles;
using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// A written output read back from disk for the verifier, with one open for everything it checks. A file no
/// larger than the bulk threshold is read whole, once, and parsed from those bytes (every value is in memory
/// either way); a larger one is parsed from its path, Pixel Data staying on disk, and its other bytes are read
/// through one handle for the leak scan.
/// </summary>
internal sealed class WrittenOutput : IDisposable
{
    private static readonly int WholeFileLimit = new DicomReadOptions().BulkDataThreshold;
    private readonly SafeFileHandle _handle;
    private readonly byte[]? _bytes;

    private WrittenOutput(SafeFileHandle handle, long length, byte[]? bytes)
    {
        (_handle, Length, _bytes) = (handle, length, bytes);
    }

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Opens the written file and reads what the verifier needs.</summary>
    /// <param name="path">The written output.</param>
    /// <returns>The open output; parse it with <see cref="Parse"/>.</returns>
    public static WrittenOutput Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var length = RandomAccess.GetLength(handle);
            if (length > WholeFileLimit)
            {
                return new WrittenOutput(handle, length, null);
            }

            var bytes = new byte[length];
            if (ReadFully(handle, 0, bytes) is var read && read != length)
            {
                throw new IOException($"The written output ended after {read} of {length} bytes while it was read back.");
            }

            return new WrittenOutput(handle, length, bytes);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Parses the bytes read back (a small file) or the file at <paramref name="path"/> (a large one).</summary>
    /// <param name="path">The written output, the same file as opened.</param>
    /// <returns>The parsed output.</returns>
    /// <exception cref="DicomFormatException">The output does not parse.</exception>
    public DicomFile Parse(string path)
    {
        if (_bytes is null)
        {
            return DicomFile.Open(path);
        }

        using var stream = new MemoryStream(_bytes, writable: false);
        return DicomFile.Read(stream);
    }

    /// <summary>Reads bytes of the file at an offset.</summary>
    /// <param name="offset">Where to start.</param>
    /// <param name="destination">Where the bytes go; filled unless the file ends first.</param>
    /// <returns>How many bytes were read.</returns>
    public int ReadAt(long offset, Span<byte> destination)
    {
        if (_bytes is not null)
        {
            var available = (int)Math.Max(0, Math.Min(destination.Length, _bytes.Length - offset));
            _bytes.AsSpan((int)Math.Min(offset, _bytes.Length), available).CopyTo(destination);
            return available;
        }

        return ReadFully(_handle, offset, destination);
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    private static int ReadFully(SafeFileHandle handle, long offset, Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length && RandomAccess.Read(handle, destination[total..], offset + total) is var read and > 0)
        {
            total += read;
        }

        return total;
    }
}
