using System.Buffers.Binary;
using System.Text;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network;

/// <summary>Writes the preamble and File Meta Information (PS3.10 7.1) in front of a data set received over the network.</summary>
internal static class Part10Writer
{
    public static byte[] Header(string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string sourceAeTitle)
    {
        using var elements = new MemoryStream();
        WriteElement(elements, 0x0001, "OB", [0, 1]);
        WriteElement(elements, 0x0002, "UI", Uid(sopClassUid));
        WriteElement(elements, 0x0003, "UI", Uid(sopInstanceUid));
        WriteElement(elements, 0x0010, "UI", Uid(transferSyntaxUid));
        WriteElement(elements, 0x0012, "UI", Uid(UserInformation.UplinkImplementationClassUid));
        WriteElement(elements, 0x0013, "SH", Text(UserInformation.UplinkImplementationVersionName));
        WriteElement(elements, 0x0016, "AE", Text(sourceAeTitle));

        using var output = new MemoryStream();
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        var groupLength = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)elements.Length);
        WriteElement(output, 0x0000, "UL", groupLength);
        elements.Position = 0;
        elements.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Uid(string value) => Pad(value, 0);

    private static byte[] Text(string value) => Pad(value, (byte)' ');

    private static byte[] Pad(string value, byte pad)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, pad];
    }

    private static void WriteElement(Stream output, ushort element, string vr, byte[] value)
    {
        var longForm = vr == "OB";
        Span<byte> header = stackalloc byte[longForm ? 12 : 8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        if (longForm)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)value.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)value.Length);
        }

        output.Write(header);
        output.Write(value);
    }
}
