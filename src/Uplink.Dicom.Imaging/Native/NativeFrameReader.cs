namespace Uplink.Dicom.Imaging.Native;

/// <summary>
/// Reads the frames of native (uncompressed) Pixel Data one at a time, from memory or from the file a
/// <see cref="BulkDataReference"/> points into, so a clip of any size is read in the memory of one frame.
/// Big endian sources arrive here already swapped to little endian by the reader.
/// </summary>
public sealed class NativeFrameReader : IDisposable
{
    private readonly DicomElement _pixelData;
    private Stream? _stream;
    private long _position;

    /// <summary>Checks the Pixel Data length against the geometry and prepares to read.</summary>
    /// <param name="pixelData">The native Pixel Data (7FE0,0010).</param>
    /// <param name="geometry">The image geometry.</param>
    /// <exception cref="PixelDataException">The value is shorter than Number of Frames x frame length.</exception>
    public NativeFrameReader(DicomElement pixelData, ImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(pixelData);
        ArgumentNullException.ThrowIfNull(geometry);
        _pixelData = pixelData;
        Geometry = geometry;
        if (geometry.Photometric == Photometric.YbrFull422 && geometry.Columns % 2 == 1)
        {
            throw new PixelDataException($"Columns (0028,0011) is {geometry.Columns}; native YBR_FULL_422 pairs pixels, so it must be even.");
        }

        var needed = geometry.TotalLength;
        if (pixelData.Length < needed)
        {
            throw new PixelDataException(
                $"Pixel Data (7FE0,0010) holds {pixelData.Length} bytes, but {geometry.NumberOfFrames} frame(s) of {geometry.FrameLength} bytes ({geometry.Columns}x{geometry.Rows}, {geometry.SamplesPerPixel} sample(s) of {geometry.BitsAllocated} bits) need {needed}.");
        }
    }

    /// <summary>The geometry the frames are read with.</summary>
    public ImageGeometry Geometry { get; }

    /// <summary>How many frames there are.</summary>
    public int FrameCount => Geometry.NumberOfFrames;

    /// <summary>Bytes after the last frame (a padding byte, or trailing bytes that are not part of any frame).</summary>
    public long TrailingBytes => _pixelData.Length - Geometry.TotalLength;

    /// <summary>Reads one frame. Reading frames in ascending order reads the value once, front to back.</summary>
    /// <param name="index">The 0-based frame index.</param>
    /// <param name="frame">Receives exactly <see cref="ImageGeometry.FrameLength"/> bytes.</param>
    /// <exception cref="PixelDataException">The value ended early (the file changed underneath).</exception>
    public void ReadFrame(int index, Span<byte> frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FrameCount);
        var length = (int)Geometry.FrameLength;
        ArgumentOutOfRangeException.ThrowIfLessThan(frame.Length, length);
        var start = index * Geometry.FrameLength;
        if (!_pixelData.IsBulk)
        {
            _pixelData.Bytes.Span.Slice((int)start, length).CopyTo(frame);
            return;
        }

        if (_stream is null || _position != start)
        {
            _stream?.Dispose();
            _stream = _pixelData.Bulk!.Slice(start, _pixelData.Length - start).OpenRead();
            _position = start;
        }

        try
        {
            _stream.ReadExactly(frame[..length]);
        }
        catch (EndOfStreamException ex)
        {
            throw new PixelDataException($"Pixel Data (7FE0,0010) ended inside frame {index} (byte {start}).", ex);
        }

        _position += length;
    }

    /// <summary>Streams the frames in order through one reused buffer.</summary>
    /// <returns>Each frame's index and bytes; the memory is overwritten by the next frame.</returns>
    public IEnumerable<(int Index, ReadOnlyMemory<byte> Frame)> ReadAll()
    {
        var buffer = new byte[Geometry.FrameLength];
        for (var index = 0; index < FrameCount; index++)
        {
            ReadFrame(index, buffer);
            yield return (index, buffer);
        }
    }

    /// <summary>Closes the file, if one is open.</summary>
    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
