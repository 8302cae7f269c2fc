namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// A Huffman table from DHT prepared for decoding (T.81 F.2.2.3): a 9-bit lookahead table answers most codes
/// in one step, MAXCODE/VALPTR cover the longer ones.
/// </summary>
internal sealed class JpegHuffmanDecodeTable
{
    public const int LookaheadBits = 9;

    private readonly int[] _maxCode = new int[18];
    private readonly int[] _valueOffset = new int[18];
    private readonly byte[] _values;

    private JpegHuffmanDecodeTable(byte[] values) => _values = values;

    /// <summary>Per 9-bit prefix: (length &lt;&lt; 8) | symbol, or 0 when the code is longer.</summary>
    public ushort[] Lookahead { get; } = new ushort[1 << LookaheadBits];

    /// <summary>Builds the table, rejecting counts that overflow the code space.</summary>
    /// <param name="counts">Codes per length 1..16 (index 0 = length 1).</param>
    /// <param name="values">The symbols in code order.</param>
    /// <param name="offset">Byte offset of the DHT for errors.</param>
    /// <returns>The table.</returns>
    public static JpegHuffmanDecodeTable Build(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values, long offset)
    {
        var table = new JpegHuffmanDecodeTable(values.ToArray());
        var code = 0;
        var index = 0;
        for (var length = 1; length <= 16; length++)
        {
            int count = counts[length - 1];
            table._valueOffset[length] = index - code;
            if (count == 0)
            {
                table._maxCode[length] = -1;
            }
            else
            {
                if (code + count > 1 << length)
                {
                    throw JpegFormat.Corrupt(offset, "Huffman table (DHT) has more codes than fit their lengths");
                }

                if (length <= LookaheadBits)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var first = (code + i) << (LookaheadBits - length);
                        var entry = (ushort)((length << 8) | values[index + i]);
                        table.Lookahead.AsSpan(first, 1 << (LookaheadBits - length)).Fill(entry);
                    }
                }

                table._maxCode[length] = code + count - 1;
            }

            index += count;
            code = (code + count) << 1;
        }

        table._maxCode[17] = int.MaxValue;
        return table;
    }

    /// <summary>Decodes one symbol from the reader.</summary>
    /// <param name="reader">The bit reader.</param>
    /// <returns>The symbol.</returns>
    public int Decode(ref JpegBitReader reader)
    {
        reader.Fill();
        var entry = Lookahead[reader.Peek(LookaheadBits)];
        if (entry != 0)
        {
            reader.Skip(entry >> 8);
            return entry & 0xFF;
        }

        var bits = reader.Peek(16);
        for (var length = LookaheadBits + 1; length <= 16; length++)
        {
            var code = bits >> (16 - length);
            if (code <= _maxCode[length])
            {
                reader.Skip(length);
                return _values[_valueOffset[length] + code];
            }
        }

        throw JpegFormat.Corrupt(reader.Position, "entropy-coded data holds a code that is not in its Huffman table");
    }
}
