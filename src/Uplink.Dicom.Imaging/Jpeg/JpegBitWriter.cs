using System.Buffers;

namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// Writes a JPEG stream to a buffer writer: marker segments as bytes, entropy-coded data as bits with a 0x00
/// stuffed after every 0xFF and the last byte of a segment padded with 1-bits.
/// </summary>
internal ref struct JpegBitWriter
{
    private const int ChunkSize = 1 << 16;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _used;
    private ulong _buffer;
    private int _bits;

    public JpegBitWriter(IBufferWriter<byte> output)
    {
        _output = output;
        _span = output.GetSpan(ChunkSize);
    }

    /// <summary>Bytes written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Writes bytes as they are (marker segments).</summary>
    /// <param name="bytes">The bytes.</param>
    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            Ensure(1);
            var count = Math.Min(bytes.Length, _span.Length - _used);
            bytes[..count].CopyTo(_span[_used..]);
            _used += count;
            Written += count;
            bytes = bytes[count..];
        }
    }

    /// <summary>Writes a marker (0xFF, code).</summary>
    /// <param name="marker">The marker code.</param>
    public void WriteMarker(byte marker) => WriteBytes([0xFF, marker]);

    /// <summary>Appends <paramref name="size"/> (0–26) bits of <paramref name="value"/> to the entropy-coded data.</summary>
    /// <param name="value">The bits, right-aligned.</param>
    /// <param name="size">How many.</param>
    public void WriteBits(int value, int size)
    {
        _buffer = (_buffer << size) | ((uint)value & ((1u << size) - 1));
        _bits += size;
        if (_bits >= 32)
        {
            Ensure(16);
            while (_bits >= 8)
            {
                EmitByte((byte)(_buffer >> (_bits - 8)));
                _bits -= 8;
            }
        }
    }

    /// <summary>Ends an entropy-coded segment: pads the last byte with 1-bits and writes out what is buffered.</summary>
    public void FlushBits()
    {
        if (_bits % 8 != 0)
        {
            WriteBits(0x7F, 8 - (_bits % 8));
        }

        Ensure(16);
        while (_bits >= 8)
        {
            EmitByte((byte)(_buffer >> (_bits - 8)));
            _bits -= 8;
        }

        _buffer = 0;
    }

    /// <summary>Hands what was written to the output.</summary>
    public void Complete() => _output.Advance(_used);

    private void EmitByte(byte value)
    {
        _span[_used++] = value;
        Written++;
        if (value == 0xFF)
        {
            _span[_used++] = 0x00;
            Written++;
        }
    }

    private void Ensure(int count)
    {
        if (_span.Length - _used < count)
        {
            _output.Advance(_used);
            _span = _output.GetSpan(Math.Max(count, ChunkSize));
            _used = 0;
        }
    }
}
