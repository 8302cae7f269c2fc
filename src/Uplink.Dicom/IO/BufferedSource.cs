using System.Buffers.Binary;

namespace Uplink.Dicom.IO;

/// <summary>A read cursor over an <see cref="IByteSource"/> with its own buffer; every read checks the end first.</summary>
internal sealed class BufferedSource(IByteSource source, string where)
{
    private const int BufferSize = 64 * 1024;

    private readonly byte[] _buffer = new byte[BufferSize];
    private long _bufferStart;
    private int _bufferLength;

    /// <summary>The underlying bytes.</summary>
    public IByteSource Source => source;

    /// <summary>What the offsets refer to in messages (<c>the file</c>, <c>the inflated dataset</c>).</summary>
    public string Where => where;

    /// <summary>The current offset.</summary>
    public long Position { get; set; }

    /// <summary>The total length.</summary>
    public long Length => source.Length;

    /// <summary>Bytes left after the current offset.</summary>
    public long Remaining => source.Length - Position;

    /// <summary>True when all bytes have been read.</summary>
    public bool AtEnd => Position >= source.Length;

    /// <summary>Makes <paramref name="count"/> bytes available at the current offset, or returns false at the end.</summary>
    public bool TryEnsure(int count)
    {
        if (Position >= _bufferStart && Position + count <= _bufferStart + _bufferLength)
        {
            return true;
        }

        if (Position + count > source.Length)
        {
            return false;
        }

        _bufferStart = Position;
        _bufferLength = source.ReadAt(Position, _buffer);
        return _bufferLength >= count;
    }

    /// <summary>The next <paramref name="count"/> bytes (at most the buffer size), after <see cref="TryEnsure"/>.</summary>
    public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan((int)(Position - _bufferStart), count);

    public ushort ReadUInt16(bool little)
    {
        var value = little ? BinaryPrimitives.ReadUInt16LittleEndian(Peek(2)) : BinaryPrimitives.ReadUInt16BigEndian(Peek(2));
        Position += 2;
        return value;
    }

    public uint ReadUInt32(bool little)
    {
        var value = little ? BinaryPrimitives.ReadUInt32LittleEndian(Peek(4)) : BinaryPrimitives.ReadUInt32BigEndian(Peek(4));
        Position += 4;
        return value;
    }

    /// <summary>Reads <paramref name="count"/> bytes (the caller has checked they exist).</summary>
    public byte[] ReadBytes(int count)
    {
        var bytes = new byte[count];
        if (count <= BufferSize && TryEnsure(count))
        {
            Peek(count).CopyTo(bytes);
        }
        else if (source.ReadAt(Position, bytes) != count)
        {
            throw new EndOfStreamException($"{where} ended inside a value at byte {Position}.");
        }

        Position += count;
        return bytes;
    }
}
