using System.Buffers.Binary;
using System.Text;

namespace Uplink.Plugins.Tests.Support;

/// <summary>
/// Writes small, valid Explicit VR Little Endian Part 10 files byte by byte (8-bit MONOCHROME2 image),
/// so HTTP rules can be tested with files of any SOP class, transfer syntax label and size.
/// </summary>
internal static class MinimalPart10
{
    public const string UltrasoundImage = "1.2.840.10008.5.1.4.1.1.6.1";
    public const string ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";

    public static string Write(string path, string sopInstanceUid, int pixelBytes = 4096, string sopClassUid = UltrasoundImage, string transferSyntaxUid = ExplicitVRLittleEndian, string patientName = "ANONYMOUS", string patientId = "000000", string studyUid = "2.25.1", string seriesUid = "2.25.2")
    {
        const int columns = 64;
        var rows = (pixelBytes + columns - 1) / columns;
        var meta = new MemoryStream();
        Element(meta, 0x0002, 0x0001, "OB", [0, 1]);
        Text(meta, 0x0002, 0x0002, "UI", sopClassUid);
        Text(meta, 0x0002, 0x0003, "UI", sopInstanceUid);
        Text(meta, 0x0002, 0x0010, "UI", transferSyntaxUid);
        Text(meta, 0x0002, 0x0012, "UI", "1.2.826.0.1.3680043.10.1");
        using var file = File.Create(path);
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        Element(file, 0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length));
        meta.WriteTo(file);
        Text(file, 0x0008, 0x0016, "UI", sopClassUid);
        Text(file, 0x0008, 0x0018, "UI", sopInstanceUid);
        Text(file, 0x0008, 0x0060, "CS", "US");
        Text(file, 0x0010, 0x0010, "PN", patientName);
        Text(file, 0x0010, 0x0020, "LO", patientId);
        Text(file, 0x0020, 0x000D, "UI", studyUid);
        Text(file, 0x0020, 0x000E, "UI", seriesUid);
        UInt16(file, 0x0028, 0x0002, 1);
        Text(file, 0x0028, 0x0004, "CS", "MONOCHROME2");
        UInt16(file, 0x0028, 0x0010, (ushort)rows);
        UInt16(file, 0x0028, 0x0011, columns);
        UInt16(file, 0x0028, 0x0100, 8);
        UInt16(file, 0x0028, 0x0101, 8);
        UInt16(file, 0x0028, 0x0102, 7);
        UInt16(file, 0x0028, 0x0103, 0);
        var pixels = new byte[rows * columns];
        new Random(sopInstanceUid.GetHashCode(StringComparison.Ordinal)).NextBytes(pixels);
        Element(file, 0x7FE0, 0x0010, "OB", pixels);
        return path;
    }

    private static void UInt16(Stream output, ushort group, ushort element, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        Element(output, group, element, "US", bytes);
    }

    private static void Text(Stream output, ushort group, ushort element, string vr, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        if (bytes.Length % 2 == 1)
        {
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        }

        Element(output, group, element, vr, bytes);
    }

    private static void Element(Stream output, ushort group, ushort element, string vr, byte[] value)
    {
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), element);
        Encoding.ASCII.GetBytes(vr, header.AsSpan(4));
        if (vr is "OB" or "OW" or "SQ" or "UN" or "UT")
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)value.Length);
            output.Write(header, 0, 12);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), (ushort)value.Length);
            output.Write(header, 0, 8);
        }

        output.Write(value);
    }
}
