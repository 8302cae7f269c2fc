using System.Buffers.Binary;
using System.Text;

namespace Uplink.Dicom.Network.Tests.Support;

/// <summary>Writes a minimal Explicit VR LE Part 10 file whose Pixel Data has the given size, streamed (no buffer of that size).</summary>
internal static class SyntheticPart10
{
    public const string SopClass = "1.2.840.10008.5.1.4.1.1.7";

    public static string Write(string folder, string sopInstanceUid, long pixelBytes)
    {
        var path = Path.Combine(folder, sopInstanceUid + ".src.dcm");
        using var output = File.Create(path);
        output.Write(Part10Writer.Header(SopClass, sopInstanceUid, "1.2.840.10008.1.2.1", "TEST"));
        WriteShort(output, 0x0008, 0x0016, "UI", Pad(SopClass));
        WriteShort(output, 0x0008, 0x0018, "UI", Pad(sopInstanceUid));
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x7FE0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], 0x0010);
        "OB"u8.CopyTo(header[4..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)pixelBytes);
        output.Write(header);
        var chunk = new byte[1 << 16];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)(i * 31);
        }

        for (var left = pixelBytes; left > 0; left -= chunk.Length)
        {
            output.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
        }

        return path;
    }

    private static byte[] Pad(string uid) => uid.Length % 2 == 0 ? Encoding.ASCII.GetBytes(uid) : [.. Encoding.ASCII.GetBytes(uid), 0];

    private static void WriteShort(Stream output, ushort group, ushort element, string vr, byte[] value)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)value.Length);
        output.Write(header);
        output.Write(value);
    }
}
