using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// The two entropy passes of a cleaning. Pass one decodes every block's Huffman symbols, decides each block's
/// output DC (its own for kept MCUs, black for blanked ones), re-computes the DC difference chain, keeps the AC
/// symbols of kept blocks verbatim (one EOB for blanked ones) and counts symbols. Pass two writes the symbols
/// with the optimal tables built from those counts. Coefficients are never dequantised.
/// </summary>
internal sealed class JpegScanTranscoder : IDisposable
{
    private const int Eob = 0x00;
    private const int Zrl = 0xF0;

    private readonly JpegHeader _header;
    private readonly JpegScanLayout _layout;
    private readonly int[] _black;
    private readonly long[][] _dcCounts = [new long[256], new long[256]];
    private readonly long[][] _acCounts = [new long[256], new long[256]];
    private int[] _differences;
    private int[] _acEnds;
    private int[] _ac;
    private int _acCount;
    private int _blockCount;

    /// <summary>Prepares the passes.</summary>
    /// <param name="header">The frame's header.</param>
    /// <param name="layout">Its MCU layout.</param>
    /// <param name="black">Quantised DC of black per scan component.</param>
    public JpegScanTranscoder(JpegHeader header, JpegScanLayout layout, int[] black)
    {
        _header = header;
        _layout = layout;
        _black = black;
        var blocks = (int)(layout.McuCount * layout.BlockComponents.Length);
        _differences = ArrayPool<int>.Shared.Rent(blocks);
        _acEnds = ArrayPool<int>.Shared.Rent(blocks);
        _ac = ArrayPool<int>.Shared.Rent(Math.Min(blocks * 8, 1 << 20) + 64);
    }

    /// <summary>Table group of a scan component: 0 for the first (luma), 1 for the others.</summary>
    /// <param name="scanComponent">Index in the scan.</param>
    /// <returns>The group.</returns>
    public static int Group(int scanComponent) => scanComponent == 0 ? 0 : 1;

    /// <summary>Pass one: decodes the scan and decides every output symbol.</summary>
    /// <param name="data">The source stream.</param>
    /// <param name="kept">Per MCU whether it is kept.</param>
    /// <returns>The offset of the marker that ends the scan.</returns>
    public int Decode(ReadOnlySpan<byte> data, ReadOnlySpan<bool> kept)
    {
        var scan = _header.ScanComponents;
        var dcTables = new JpegHuffmanDecodeTable[scan.Length];
        var acTables = new JpegHuffmanDecodeTable[scan.Length];
        for (var i = 0; i < scan.Length; i++)
        {
            dcTables[i] = _header.DcTables[scan[i].DcTable]!;
            acTables[i] = _header.AcTables[scan[i].AcTable]!;
        }

        Span<int> sourcePredictor = stackalloc int[scan.Length];
        Span<int> outputPredictor = stackalloc int[scan.Length];
        var reader = new JpegBitReader(data, _header.EntropyOffset);
        var interval = _header.RestartInterval;
        var mcus = (int)_layout.McuCount;
        var blocks = _layout.BlockComponents;
        for (var mcu = 0; mcu < mcus; mcu++)
        {
            if (interval > 0 && mcu > 0 && mcu % interval == 0)
            {
                var marker = reader.FinishSegment();
                var expected = JpegFormat.Rst0 + (((mcu / interval) - 1) & 7);
                if (marker + 1 >= data.Length || data[marker + 1] != expected)
                {
                    throw JpegFormat.Corrupt(marker, string.Create(CultureInfo.InvariantCulture, $"restart marker RST{expected - JpegFormat.Rst0} missing or out of order"));
                }

                reader = new JpegBitReader(data, marker + 2);
                sourcePredictor.Clear();
                outputPredictor.Clear();
            }

            var keep = kept[mcu];
            foreach (var component in blocks)
            {
                var size = dcTables[component].Decode(ref reader);
                if (size > 11)
                {
                    throw JpegFormat.Corrupt(reader.Position, "DC difference category above 11");
                }

                var dc = sourcePredictor[component] + Extend(reader.ReadFilled(size), size);
                if (dc is < -2048 or > 2047)
                {
                    // 8-bit samples give |DC| ≤ 1024; a chain that drifts further is corrupt (and must not overflow).
                    throw JpegFormat.Corrupt(reader.Position, "DC coefficient outside the 8-bit range");
                }

                sourcePredictor[component] = dc;
                var output = keep ? dc : _black[component];
                var difference = output - outputPredictor[component];
                outputPredictor[component] = output;
                var category = Category(difference);
                if (category > 11)
                {
                    throw JpegFormat.Corrupt(reader.Position, "DC coefficient outside the 8-bit baseline range");
                }

                var group = Group(component);
                _dcCounts[group][category]++;
                AddBlock(difference);
                DecodeAc(ref reader, acTables[component], keep, _acCounts[group]);
                _acEnds[_blockCount - 1] = _acCount;
            }
        }

        return reader.FinishSegment();
    }

    /// <summary>Pass two: writes the entropy-coded data with RSTn at the source's cadence.</summary>
    /// <param name="writer">The output.</param>
    /// <param name="dc">DC tables by group.</param>
    /// <param name="ac">AC tables by group.</param>
    public void Encode(ref JpegBitWriter writer, JpegHuffmanEncodeTable[] dc, JpegHuffmanEncodeTable[] ac)
    {
        var interval = _header.RestartInterval;
        var mcus = (int)_layout.McuCount;
        var blocks = _layout.BlockComponents;
        var block = 0;
        var entry = 0;
        for (var mcu = 0; mcu < mcus; mcu++)
        {
            if (interval > 0 && mcu > 0 && mcu % interval == 0)
            {
                writer.FlushBits();
                writer.WriteMarker((byte)(JpegFormat.Rst0 + (((mcu / interval) - 1) & 7)));
            }

            foreach (var component in blocks)
            {
                var group = Group(component);
                var dcTable = dc[group];
                var acTable = ac[group];
                var difference = _differences[block];
                var category = Category(difference);
                var extra = (difference < 0 ? difference - 1 : difference) & ((1 << category) - 1);
                writer.WriteBits((dcTable.Codes[category] << category) | extra, dcTable.Sizes[category] + category);
                var end = _acEnds[block];
                for (; entry < end; entry++)
                {
                    var value = _ac[entry];
                    var symbol = value & 0xFF;
                    var size = symbol & 0x0F;

                    // Code and extra bits in one write: at most 16 + 10 bits.
                    writer.WriteBits((acTable.Codes[symbol] << size) | (value >> 8), acTable.Sizes[symbol] + size);
                }

                block++;
            }
        }

        writer.FlushBits();
    }

    /// <summary>Symbol counts of the DC differences by group.</summary>
    /// <param name="group">0 or 1.</param>
    /// <returns>256 counts.</returns>
    public ReadOnlySpan<long> DcCounts(int group) => _dcCounts[group];

    /// <summary>Symbol counts of the AC run/size symbols by group.</summary>
    /// <param name="group">0 or 1.</param>
    /// <returns>256 counts.</returns>
    public ReadOnlySpan<long> AcCounts(int group) => _acCounts[group];

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_differences);
        ArrayPool<int>.Shared.Return(_acEnds);
        ArrayPool<int>.Shared.Return(_ac);
        _differences = _acEnds = _ac = [];
    }

    private static int Extend(int value, int size) =>
        size == 0 ? 0 : value < 1 << (size - 1) ? value - (1 << size) + 1 : value;

    private static int Category(int value) => value == 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)Math.Abs(value));

    private void AddBlock(int difference)
    {
        _differences[_blockCount] = difference;
        _blockCount++;
    }

    private void DecodeAc(ref JpegBitReader reader, JpegHuffmanDecodeTable table, bool keep, long[] counts)
    {
        var k = 1;
        while (k < 64)
        {
            var symbol = table.Decode(ref reader);
            var run = symbol >> 4;
            var size = symbol & 0x0F;
            int entry;
            if (size == 0)
            {
                if (run != 15)
                {
                    // (r,0) with r < 15 ends the block in every decoder: written as a plain EOB.
                    entry = Eob;
                    k = 64;
                }
                else
                {
                    k += 16;
                    entry = Zrl;
                    if (k > 64)
                    {
                        throw JpegFormat.Corrupt(reader.Position, "AC zero run past the 63rd coefficient");
                    }
                }
            }
            else
            {
                k += run;
                if (k > 63 || size > 10)
                {
                    throw JpegFormat.Corrupt(reader.Position, "AC coefficient past the 63rd or of a size above 10 bits");
                }

                entry = symbol | (reader.ReadFilled(size) << 8);
                k++;
            }

            if (keep)
            {
                AddAc(entry);
                counts[entry & 0xFF]++;
            }
        }

        if (!keep)
        {
            AddAc(Eob);
            counts[Eob]++;
        }
    }

    private void AddAc(int entry)
    {
        if (_acCount == _ac.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(_ac.Length * 2);
            _ac.AsSpan().CopyTo(larger);
            ArrayPool<int>.Shared.Return(_ac);
            _ac = larger;
        }

        _ac[_acCount++] = entry;
    }
}
