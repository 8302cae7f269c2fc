using Microsoft.Win32.SafeHandles;

namespace Uplink.Dicom.IO;

/// <summary>A file read with positional reads (no shared stream position).</summary>
internal sealed class FileByteSource : IByteSource
{
    private readonly SafeFileHandle _handle;

    public FileByteSource(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        Length = RandomAccess.GetLength(_handle);
    }

    public long Length { get; }

    public string? Path { get; }

    public int ReadAt(long offset, Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = RandomAccess.Read(_handle, destination[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    public void Dispose() => _handle.Dispose();
}
