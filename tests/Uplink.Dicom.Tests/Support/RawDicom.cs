using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Uplink.Dicom.Tests.Support;

/// <summary>Writes DICOM bytes by hand in any encoding, so tests can build fixtures (good and broken) the codec did not write.</summary>
public sealed class RawDicom(bool explicitVR = true, bool littleEndian = true)
{
    private readonly MemoryStream _bytes = new();

    public long Length => _bytes.Length;

    public byte[] ToArray() => _bytes.ToArray();

    public RawDicom Tag(ushort group, ushort element)
    {
        U16(group);
        U16(element);
        return this;
    }

    /// <summary>An element with its header in this writer's encoding; the value bytes are written as given.</summary>
    public RawDicom Element(ushort group, ushort element, string vr, ReadOnlySpan<byte> value, uint? length = null)
    {
        Tag(group, element);
        var declared = length ?? (uint)value.Length;
        if (explicitVR)
        {
            _bytes.Write(Encoding.ASCII.GetBytes(vr));
            if (vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "UC" or "UN" or "UR" or "UT" or "SV" or "UV")
            {
                U16(0);
                U32(declared);
            }
            else
            {
                U16((ushort)declared);
            }
        }
        else
        {
            U32(declared);
        }

        _bytes.Write(value);
        return this;
    }

    public RawDicom Text(ushort group, ushort element, string vr, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        if (bytes.Length % 2 == 1)
        {
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        }

        return Element(group, element, vr, bytes);
    }

    public RawDicom UShort(ushort group, ushort element, ushort value)
    {
        var bytes = new byte[2];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }

        return Element(group, element, "US", bytes);
    }

    /// <summary>An item or delimiter: tag FFFE,xxxx and a 32-bit length.</summary>
    public RawDicom Marker(ushort element, uint length = 0)
    {
        Tag(0xFFFE, element);
        U32(length);
        return this;
    }

    public RawDicom Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    /// <summary>A Part 10 file: preamble, DICM, File Meta (Explicit VR LE) for the transfer syntax, then the dataset bytes.</summary>
    public static byte[] Part10(string transferSyntaxUid, byte[] dataset, bool deflate = false)
    {
        var meta = new RawDicom()
            .Element(0x0002, 0x0001, "OB", [0, 1])
            .Text(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7")
            .Text(0x0002, 0x0003, "UI", "2.25.42")
            .Text(0x0002, 0x0010, "UI", transferSyntaxUid)
            .ToArray();
        var file = new MemoryStream();
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        var header = new RawDicom().Element(0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length)).ToArray();
        file.Write(header);
        file.Write(meta);
        if (deflate)
        {
            using var deflater = new DeflateStream(file, CompressionLevel.Optimal, leaveOpen: true);
            deflater.Write(dataset);
        }
        else
        {
            file.Write(dataset);
        }

        return file.ToArray();
    }

    private void U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, value);
        }

        _bytes.Write(b);
    }

    private void U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
        }

        _bytes.Write(b);
    }
}
