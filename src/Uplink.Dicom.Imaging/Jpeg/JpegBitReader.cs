namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// Reads entropy-coded bits over a span, removing the 0x00 stuffed after 0xFF. It stops at the first marker
/// and then supplies zero bits for lookahead only: consuming a bit that is not in the data is an error, so a
/// truncated or corrupt stream can never be read past its end.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _buffer;
    private int _bits;
    private int _paddingBits;

    /// <summary>Starts reading at <paramref name="start"/>.</summary>
    /// <param name="data">The whole JPEG stream.</param>
    /// <param name="start">First byte of entropy-coded data.</param>
    public JpegBitReader(ReadOnlySpan<byte> data, int start)
    {
        _data = data;
        _position = start;
        MarkerOffset = -1;
    }

    /// <summary>Offset of the marker that ended the data, or -1 while none was met.</summary>
    public int MarkerOffset { get; private set; }

    /// <summary>The byte offset reached, for error messages.</summary>
    public readonly int Position => _position;

    /// <summary>Bits of real data left in the buffer.</summary>
    public readonly int RealBits => _bits - _paddingBits;

    /// <summary>Fills the buffer to at least 57 bits (real or padding).</summary>
    public void Fill()
    {
        while (_bits <= 56)
        {
            ulong next = 0;
            if (MarkerOffset >= 0)
            {
                _paddingBits += 8;
            }
            else if (_position >= _data.Length)
            {
                MarkerOffset = _data.Length;
                continue;
            }
            else if (_data[_position] != 0xFF)
            {
                next = _data[_position++];
            }
            else
            {
                // Fill bytes (extra 0xFF) may precede a marker or a stuffed 0xFF00.
                var after = _position + 1;
                while (after < _data.Length && _data[after] == 0xFF)
                {
                    after++;
                }

                if (after < _data.Length && _data[after] == 0x00)
                {
                    next = 0xFF;
                    _position = after + 1;
                }
                else
                {
                    MarkerOffset = after - 1;
                    continue;
                }
            }

            _buffer |= next << (56 - _bits);
            _bits += 8;
        }
    }

    /// <summary>The next <paramref name="count"/> bits (1–16) without consuming them; call <see cref="Fill"/> first.</summary>
    /// <param name="count">How many bits.</param>
    /// <returns>The bits, most significant first.</returns>
    public readonly int Peek(int count) => (int)(_buffer >> (64 - count));

    /// <summary>Consumes bits that were peeked.</summary>
    /// <param name="count">How many bits.</param>
    public void Skip(int count)
    {
        if (count > _bits - _paddingBits)
        {
            throw JpegFormat.Corrupt(_position, "entropy-coded data ends early (truncated or corrupt)");
        }

        _buffer <<= count;
        _bits -= count;
    }

    /// <summary>
    /// Reads <paramref name="count"/> bits (0–16) right after a Huffman decode, which filled the buffer to at least
    /// 57 bits and used at most 16 of them.
    /// </summary>
    /// <param name="count">How many bits.</param>
    /// <returns>The value.</returns>
    public int ReadFilled(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        var value = Peek(count);
        Skip(count);
        return value;
    }

    /// <summary>
    /// Ends a restart interval or the scan: reads on to the marker, which must follow within the padding of the
    /// last byte. Returns the marker's offset.
    /// </summary>
    /// <returns>The offset of the 0xFF of the marker that ends the entropy-coded segment.</returns>
    public int FinishSegment()
    {
        Fill();
        if (MarkerOffset < 0 || RealBits >= 8)
        {
            throw JpegFormat.Corrupt(_position, "entropy-coded data continues where a restart marker or the end of the scan is due");
        }

        return MarkerOffset;
    }
}
