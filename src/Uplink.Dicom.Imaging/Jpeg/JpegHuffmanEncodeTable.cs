namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// An optimal Huffman table for the symbols a cleaned scan actually uses, limited to 16-bit codes, built as
/// T.81 Annex K.2 and libjpeg's jpeg_gen_optimal_table do (a reserved pseudo-symbol keeps the all-ones code
/// unused), plus its canonical codes (Annex C).
/// </summary>
internal sealed class JpegHuffmanEncodeTable
{
    private JpegHuffmanEncodeTable(byte[] counts, byte[] values)
    {
        Counts = counts;
        Values = values;
        var code = 0;
        var index = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++)
            {
                Codes[values[index]] = (ushort)code;
                Sizes[values[index]] = (byte)length;
                index++;
                code++;
            }

            code <<= 1;
        }
    }

    /// <summary>Codes per length 1..16, as DHT writes them.</summary>
    public byte[] Counts { get; }

    /// <summary>Symbols in code order, as DHT writes them.</summary>
    public byte[] Values { get; }

    /// <summary>Code of each symbol.</summary>
    public ushort[] Codes { get; } = new ushort[256];

    /// <summary>Code length of each symbol, 0 when unused.</summary>
    public byte[] Sizes { get; } = new byte[256];

    /// <summary>Builds the optimal table for the given symbol counts.</summary>
    /// <param name="frequencies">256 counts; symbols never used get no code.</param>
    /// <returns>The table.</returns>
    public static JpegHuffmanEncodeTable Optimal(ReadOnlySpan<long> frequencies)
    {
        var freq = new long[257];
        frequencies.CopyTo(freq);
        freq[256] = 1;
        var codeSize = new int[257];
        var others = new int[257];
        Array.Fill(others, -1);

        // Only used symbols take part; scanning them alone (ascending, as libjpeg scans all 257) keeps its ties.
        var active = new List<int>();
        for (var i = 0; i < freq.Length; i++)
        {
            if (freq[i] != 0)
            {
                active.Add(i);
            }
        }

        while (true)
        {
            var c1 = Smallest(freq, active, -1);
            var c2 = Smallest(freq, active, c1);
            if (c2 < 0)
            {
                break;
            }

            freq[c1] += freq[c2];
            freq[c2] = 0;
            active.Remove(c2);
            codeSize[c1]++;
            while (others[c1] >= 0)
            {
                c1 = others[c1];
                codeSize[c1]++;
            }

            others[c1] = c2;
            codeSize[c2]++;
            while (others[c2] >= 0)
            {
                c2 = others[c2];
                codeSize[c2]++;
            }
        }

        // 257 symbols can need up to 256-bit codes in a degenerate tree; count them before limiting to 16.
        var bits = new int[258];
        foreach (var size in codeSize)
        {
            if (size > 0)
            {
                bits[size]++;
            }
        }

        for (var i = 257; i > 16; i--)
        {
            while (bits[i] > 0)
            {
                var j = i - 2;
                while (bits[j] == 0)
                {
                    j--;
                }

                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }

        var last = 16;
        while (bits[last] == 0)
        {
            last--;
        }

        bits[last]--;
        var counts = new byte[16];
        for (var i = 1; i <= 16; i++)
        {
            counts[i - 1] = (byte)bits[i];
        }

        var values = new List<byte>();
        for (var size = 1; size <= 256; size++)
        {
            for (var symbol = 0; symbol < 256; symbol++)
            {
                if (codeSize[symbol] == size)
                {
                    values.Add((byte)symbol);
                }
            }

            if (values.Count == counts.Sum(c => c))
            {
                break;
            }
        }

        return new JpegHuffmanEncodeTable(counts, [.. values]);
    }

    private static int Smallest(long[] freq, List<int> active, int except)
    {
        // Ties go to the largest symbol, as libjpeg does, so equal inputs give the tables libjpeg would.
        var best = -1;
        var value = long.MaxValue;
        foreach (var i in active)
        {
            if (freq[i] <= value && i != except)
            {
                value = freq[i];
                best = i;
            }
        }

        return best;
    }
}
