namespace Uplink.Dicom.IO;

/// <summary>Bytes already in memory (small streams, inflated deflate data).</summary>
internal sealed class MemoryByteSource(ReadOnlyMemory<byte> memory) : IByteSource
{
    public long Length => memory.Length;

    public string? Path => null;

    public int ReadAt(long offset, Span<byte> destination)
    {
        if (offset >= memory.Length)
        {
            return 0;
        }

        var count = (int)Math.Min(destination.Length, memory.Length - offset);
        memory.Span.Slice((int)offset, count).CopyTo(destination);
        return count;
    }

    public void Dispose()
    {
    }
}
