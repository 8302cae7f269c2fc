using System.Buffers.Binary;

namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// Everything a JPEG stream declares from SOI up to its first SOS: the frame header, the tables in force, the
/// restart interval, the scan header, and where the segments are that a cleaned stream keeps.
/// </summary>
internal sealed class JpegHeader
{
    private JpegHeader()
    {
    }

    public byte SofMarker { get; private set; }

    public int SofOffset { get; private set; } = -1;

    public int SofLength { get; private set; }

    public JpegProcess Process { get; private set; }

    public int Precision { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public JpegComponentInfo[] Components { get; private set; } = [];

    public int RestartInterval { get; private set; }

    /// <summary>Quantisation tables by id, each 64 entries in zig-zag order, or null while undefined.</summary>
    public ushort[]?[] QuantizationTables { get; } = new ushort[4][];

    public JpegHuffmanDecodeTable?[] DcTables { get; } = new JpegHuffmanDecodeTable[4];

    public JpegHuffmanDecodeTable?[] AcTables { get; } = new JpegHuffmanDecodeTable[4];

    /// <summary>DQT segments as (offset of 0xFF, total length with marker), copied as they are.</summary>
    public List<(int Offset, int Length)> QuantizationSegments { get; } = [];

    /// <summary>Offset of the first APP0 JFIF segment's payload, or -1.</summary>
    public int JfifOffset { get; private set; } = -1;

    /// <summary>Offset of the first APP14 Adobe segment's payload, or -1.</summary>
    public int AdobeOffset { get; private set; } = -1;

    public int SosOffset { get; private set; } = -1;

    /// <summary>
    /// Whether the stream itself says its three components are colour-transformed (YCbCr): true for JFIF or Adobe
    /// transform 1/2, false for Adobe transform 0 or component ids 'R','G','B'; null when it is silent. Same order
    /// of evidence as libjpeg's default_decompress_parms.
    /// </summary>
    public bool? ColorTransformed => Components.Length != 3 ? null
        : JfifOffset >= 0 ? true
        : AdobeTransform >= 0 ? AdobeTransform != 0
        : Components is [{ Id: 'R' }, { Id: 'G' }, { Id: 'B' }] ? false
        : null;

    private int AdobeTransform { get; set; } = -1;

    /// <summary>Per scan component: index into <see cref="Components"/>, DC table id, AC table id.</summary>
    public (int Component, int DcTable, int AcTable)[] ScanComponents { get; private set; } = [];

    public int SpectralStart { get; private set; }

    public int SpectralEnd { get; private set; }

    public int SuccessiveApproximation { get; private set; }

    /// <summary>First byte of entropy-coded data after the SOS header.</summary>
    public int EntropyOffset { get; private set; } = -1;

    /// <summary>Reads markers from SOI up to and including the first SOS header.</summary>
    /// <param name="data">The JPEG stream.</param>
    /// <returns>The header.</returns>
    /// <exception cref="PixelDataException">The stream is not a well-formed JPEG up to its first scan.</exception>
    public static JpegHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != JpegFormat.Soi)
        {
            throw JpegFormat.Corrupt(0, "stream does not start with SOI (FFD8)");
        }

        var header = new JpegHeader();
        var position = 2;
        while (true)
        {
            var (marker, markerOffset) = NextMarker(data, ref position);
            switch (marker)
            {
                case JpegFormat.Soi:
                case JpegFormat.Eoi:
                case >= JpegFormat.Rst0 and <= 0xD7:
                    throw JpegFormat.Corrupt(markerOffset, $"marker {MarkerText(marker)} before the first scan");
                case 0x01:
                    continue;
                default:
                    break;
            }

            var payload = Segment(data, markerOffset, ref position);
            switch (marker)
            {
                case JpegFormat.Dht:
                    header.ReadHuffmanTables(payload, markerOffset + 4);
                    break;
                case JpegFormat.Dqt:
                    header.ReadQuantizationTables(payload, markerOffset + 4);
                    header.QuantizationSegments.Add((markerOffset, payload.Length + 4));
                    break;
                case JpegFormat.Dri:
                    if (payload.Length != 2)
                    {
                        throw JpegFormat.Corrupt(markerOffset, "DRI segment has a length other than 4");
                    }

                    header.RestartInterval = BinaryPrimitives.ReadUInt16BigEndian(payload);
                    break;
                case JpegFormat.Sos:
                    header.ReadScan(payload, markerOffset);
                    header.EntropyOffset = position;
                    return header;
                case JpegFormat.Dnl:
                    throw JpegFormat.Corrupt(markerOffset, "DNL marker before the first scan");
                case JpegFormat.App0 when header.JfifOffset < 0 && payload.Length >= 14 && payload[..5].SequenceEqual("JFIF\0"u8):
                    header.JfifOffset = markerOffset + 4;
                    break;
                case JpegFormat.App14 when header.AdobeOffset < 0 && payload.Length >= 12 && payload[..5].SequenceEqual("Adobe"u8):
                    header.AdobeOffset = markerOffset + 4;
                    header.AdobeTransform = payload[11];
                    break;
                case >= 0xC0 and <= 0xCF and not 0xC8 and not 0xCC:
                    header.ReadFrame(marker, payload, markerOffset);
                    break;
                default:
                    // APPn, COM, DAC, DHP, EXP, JPGn: not needed to read a sequential Huffman frame and never copied.
                    break;
            }
        }
    }

    /// <summary>Finds the next marker at <paramref name="position"/>, skipping fill bytes (0xFF).</summary>
    /// <param name="data">The stream.</param>
    /// <param name="position">Where the marker must start; moved past it.</param>
    /// <returns>The marker code and the offset of its first 0xFF.</returns>
    public static (byte Marker, int Offset) NextMarker(ReadOnlySpan<byte> data, ref int position)
    {
        var offset = position;
        if (position >= data.Length || data[position] != 0xFF)
        {
            throw JpegFormat.Corrupt(position, position >= data.Length ? "stream ends where a marker is due (truncated)" : "data where a marker is due");
        }

        while (position < data.Length && data[position] == 0xFF)
        {
            position++;
        }

        if (position >= data.Length)
        {
            throw JpegFormat.Corrupt(offset, "stream ends inside a marker (truncated)");
        }

        if (data[position] == 0x00)
        {
            throw JpegFormat.Corrupt(offset, "stuffed byte FF00 where a marker is due");
        }

        return (data[position++], position - 2);
    }

    /// <summary>The payload of a segment whose length field is at <paramref name="position"/>.</summary>
    /// <param name="data">The stream.</param>
    /// <param name="markerOffset">Offset of the marker, for errors.</param>
    /// <param name="position">Offset of the length field; moved past the segment.</param>
    /// <returns>The payload after the length field.</returns>
    public static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> data, int markerOffset, ref int position)
    {
        if (position + 2 > data.Length)
        {
            throw JpegFormat.Corrupt(markerOffset, "stream ends inside a segment length (truncated)");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
        if (length < 2 || position + length > data.Length)
        {
            throw JpegFormat.Corrupt(markerOffset, length < 2 ? "segment length below 2" : "segment runs past the end of the stream (truncated)");
        }

        var payload = data.Slice(position + 2, length - 2);
        position += length;
        return payload;
    }

    private static string MarkerText(byte marker) => marker switch
    {
        JpegFormat.Soi => "SOI",
        JpegFormat.Eoi => "EOI",
        _ => "RST",
    };

    private void ReadFrame(byte marker, ReadOnlySpan<byte> payload, int offset)
    {
        if (SofOffset >= 0)
        {
            throw JpegFormat.Corrupt(offset, "second frame header (SOF) before the first scan");
        }

        if (payload.Length < 6)
        {
            throw JpegFormat.Corrupt(offset, "frame header (SOF) shorter than 8 bytes");
        }

        int count = payload[5];
        if (count is < 1 or > 4 || payload.Length != 6 + (3 * count))
        {
            throw JpegFormat.Corrupt(offset, "frame header (SOF) declares a component count that is not 1–4 or disagrees with its length");
        }

        SofMarker = marker;
        SofOffset = offset;
        SofLength = payload.Length + 4;
        Process = marker switch
        {
            0xC0 => JpegProcess.Baseline,
            0xC1 => JpegProcess.ExtendedSequential,
            0xC2 => JpegProcess.Progressive,
            0xC3 => JpegProcess.Lossless,
            0xC9 or 0xCA or 0xCB => JpegProcess.Arithmetic,
            _ => JpegProcess.Hierarchical,
        };
        Precision = payload[0];
        Height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
        Width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
        if (Width == 0)
        {
            throw JpegFormat.Corrupt(offset, "frame header (SOF) declares width 0");
        }

        var components = new JpegComponentInfo[count];
        for (var i = 0; i < count; i++)
        {
            var entry = payload.Slice(6 + (3 * i), 3);
            var h = entry[1] >> 4;
            var v = entry[1] & 0x0F;
            if (h is < 1 or > 4 || v is < 1 or > 4 || entry[2] > 3)
            {
                throw JpegFormat.Corrupt(offset, "frame header (SOF) has a sampling factor outside 1–4 or a quantisation table id above 3");
            }

            for (var j = 0; j < i; j++)
            {
                if (components[j].Id == entry[0])
                {
                    throw JpegFormat.Corrupt(offset, "frame header (SOF) repeats a component id");
                }
            }

            components[i] = new JpegComponentInfo(entry[0], h, v, entry[2]);
        }

        Components = components;
    }

    private void ReadQuantizationTables(ReadOnlySpan<byte> payload, int offset)
    {
        while (!payload.IsEmpty)
        {
            var precision = payload[0] >> 4;
            var id = payload[0] & 0x0F;
            var size = precision == 0 ? 64 : 128;
            if (precision > 1 || id > 3 || payload.Length < 1 + size)
            {
                throw JpegFormat.Corrupt(offset, "quantisation table (DQT) with precision above 16 bits, id above 3, or too short");
            }

            var table = new ushort[64];
            for (var i = 0; i < 64; i++)
            {
                table[i] = precision == 0 ? payload[1 + i] : BinaryPrimitives.ReadUInt16BigEndian(payload[(1 + (2 * i))..]);
            }

            if (table[0] == 0)
            {
                throw JpegFormat.Corrupt(offset, "quantisation table (DQT) with a zero DC step");
            }

            QuantizationTables[id] = table;
            payload = payload[(1 + size)..];
        }
    }

    private void ReadHuffmanTables(ReadOnlySpan<byte> payload, int offset)
    {
        while (!payload.IsEmpty)
        {
            if (payload.Length < 17)
            {
                throw JpegFormat.Corrupt(offset, "Huffman table (DHT) shorter than its 16 code counts");
            }

            var tableClass = payload[0] >> 4;
            var id = payload[0] & 0x0F;
            var counts = payload.Slice(1, 16);
            var total = 0;
            foreach (var count in counts)
            {
                total += count;
            }

            if (tableClass > 1 || id > 3 || total > 256 || payload.Length < 17 + total)
            {
                throw JpegFormat.Corrupt(offset, "Huffman table (DHT) with class above 1, id above 3, more than 256 codes, or too short");
            }

            var table = JpegHuffmanDecodeTable.Build(counts, payload.Slice(17, total), offset);
            (tableClass == 0 ? DcTables : AcTables)[id] = table;
            payload = payload[(17 + total)..];
        }
    }

    private void ReadScan(ReadOnlySpan<byte> payload, int offset)
    {
        if (SofOffset < 0)
        {
            throw JpegFormat.Corrupt(offset, "scan (SOS) before any frame header (SOF)");
        }

        SosOffset = offset;
        var count = payload.IsEmpty ? 0 : payload[0];
        if (count is < 1 or > 4 || payload.Length != 4 + (2 * count))
        {
            throw JpegFormat.Corrupt(offset, "scan header (SOS) with a component count that is not 1–4 or disagrees with its length");
        }

        var scan = new (int, int, int)[count];
        for (var i = 0; i < count; i++)
        {
            var selector = payload[1 + (2 * i)];
            var index = Array.FindIndex(Components, c => c.Id == selector);
            if (index < 0 || Array.FindIndex(scan, 0, i, s => s.Item1 == index) >= 0)
            {
                throw JpegFormat.Corrupt(offset, "scan header (SOS) names a component the frame does not have, or names one twice");
            }

            var tables = payload[2 + (2 * i)];
            scan[i] = (index, tables >> 4, tables & 0x0F);
        }

        ScanComponents = scan;
        SpectralStart = payload[1 + (2 * count)];
        SpectralEnd = payload[2 + (2 * count)];
        SuccessiveApproximation = payload[3 + (2 * count)];
    }
}
