namespace Uplink.Dicom.IO;

/// <summary>Random-access bytes the reader parses: a file (bulk values can stay on disk) or a memory block.</summary>
internal interface IByteSource : IDisposable
{
    /// <summary>The number of bytes.</summary>
    long Length { get; }

    /// <summary>The file path for bulk references, or null when the bytes are only in memory.</summary>
    string? Path { get; }

    /// <summary>Copies bytes from <paramref name="offset"/>; returns how many (fewer only at the end).</summary>
    int ReadAt(long offset, Span<byte> destination);
}
