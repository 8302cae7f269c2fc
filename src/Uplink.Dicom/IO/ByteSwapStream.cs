namespace Uplink.Dicom.IO;

/// <summary>Reads an inner stream of big endian words and returns them little endian.</summary>
internal sealed class ByteSwapStream(Stream inner, int unit) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Read whole words only, so every word is swapped in one piece; a trailing partial word passes as is.
        var whole = buffer.Length - (buffer.Length % unit);
        if (whole == 0)
        {
            return inner.Read(buffer);
        }

        var total = 0;
        while (total < whole)
        {
            var read = inner.Read(buffer[total..whole]);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (total % unit == 0)
            {
                break;
            }
        }

        var swapped = total - (total % unit);
        Swap(buffer[..swapped]);
        return total;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Swap(Span<byte> words)
    {
        for (var i = 0; i + unit <= words.Length; i += unit)
        {
            words.Slice(i, unit).Reverse();
        }
    }
}
