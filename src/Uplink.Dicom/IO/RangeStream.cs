namespace Uplink.Dicom.IO;

/// <summary>A read-only window on a file: <c>length</c> bytes from <c>offset</c>, read positionally.</summary>
internal sealed class RangeStream(FileStream file, long offset, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset1, int count) => Read(buffer.AsSpan(offset1, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(file.SafeFileHandle, buffer[..wanted], offset + _position);
        if (read == 0)
        {
            throw new EndOfStreamException($"The file {file.Name} ended at byte {offset + _position}, inside a value that should run to byte {offset + length}.");
        }

        _position += read;
        return read;
    }

    public override long Seek(long offset1, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset1,
            SeekOrigin.Current => _position + offset1,
            _ => length + offset1,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset1, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
