using System.Buffers.Binary;

namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// Writes the marker segments of a cleaned stream: SOI, APP0 JFIF without thumbnail, APP14 Adobe, the source's
/// DQT and SOF as they were, DRI, the new DHT and an SOS naming the new tables.
/// </summary>
internal static class JpegHeaderWriter
{
    public static void Write(ref JpegBitWriter writer, ReadOnlySpan<byte> source, JpegHeader header, JpegHuffmanEncodeTable[] dc, JpegHuffmanEncodeTable[] ac)
    {
        writer.WriteMarker(JpegFormat.Soi);
        if (header.JfifOffset >= 0)
        {
            // Identifier, version, units and density; the thumbnail (it could show the banner) is dropped.
            writer.WriteBytes([0xFF, JpegFormat.App0, 0x00, 16]);
            writer.WriteBytes(source.Slice(header.JfifOffset, 12));
            writer.WriteBytes([0, 0]);
        }

        if (header.AdobeOffset >= 0)
        {
            writer.WriteBytes([0xFF, JpegFormat.App14, 0x00, 14]);
            writer.WriteBytes(source.Slice(header.AdobeOffset, 12));
        }

        foreach (var (offset, length) in header.QuantizationSegments)
        {
            writer.WriteBytes(source.Slice(offset, length));
        }

        writer.WriteBytes(source.Slice(header.SofOffset, header.SofLength));
        if (header.RestartInterval > 0)
        {
            Span<byte> dri = [0xFF, JpegFormat.Dri, 0x00, 0x04, 0, 0];
            BinaryPrimitives.WriteUInt16BigEndian(dri[4..], (ushort)header.RestartInterval);
            writer.WriteBytes(dri);
        }

        for (var g = 0; g < dc.Length; g++)
        {
            WriteTable(ref writer, 0x00 | g, dc[g]);
            WriteTable(ref writer, 0x10 | g, ac[g]);
        }

        var scan = header.ScanComponents;
        writer.WriteBytes([0xFF, JpegFormat.Sos, 0x00, (byte)(6 + (2 * scan.Length)), (byte)scan.Length]);
        for (var i = 0; i < scan.Length; i++)
        {
            var group = JpegScanTranscoder.Group(i);
            writer.WriteBytes([(byte)header.Components[scan[i].Component].Id, (byte)((group << 4) | group)]);
        }

        writer.WriteBytes([0, 63, 0]);
    }

    private static void WriteTable(ref JpegBitWriter writer, int classAndId, JpegHuffmanEncodeTable table)
    {
        var length = 2 + 1 + 16 + table.Values.Length;
        writer.WriteBytes([0xFF, JpegFormat.Dht, (byte)(length >> 8), (byte)length, (byte)classAndId]);
        writer.WriteBytes(table.Counts);
        writer.WriteBytes(table.Values);
    }
}
