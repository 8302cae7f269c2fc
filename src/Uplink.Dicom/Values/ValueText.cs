using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Uplink.Dicom.IO;
using Uplink.Dicom.Text;

namespace Uplink.Dicom.Values;

/// <summary>Converts element values to text and back (numbers invariant, text through the character set).</summary>
internal static class ValueText
{
    /// <summary>The value as text: decoded and trimmed strings, numbers joined with a backslash; null for binary blobs.</summary>
    public static string? Format(DicomElement element, CharacterSet characterSet)
    {
        if (element.IsBulk)
        {
            return null;
        }

        var bytes = element.Bytes.Span;
        var vr = element.VR;
        if (VRInfo.IsText(vr))
        {
            var text = VRInfo.UsesCharacterSet(vr) ? characterSet.Decode(bytes, vr) : Encoding.Latin1.GetString(bytes);
            return VRInfo.IsSingleValued(vr) ? TrimEnd(text) : string.Join('\\', text.Split('\\').Select(v => Trim(v, vr)));
        }

        var values = vr switch
        {
            DicomVR.US => Read(bytes, 2, s => BinaryPrimitives.ReadUInt16LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.SS => Read(bytes, 2, s => BinaryPrimitives.ReadInt16LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.UL => Read(bytes, 4, s => BinaryPrimitives.ReadUInt32LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.SL => Read(bytes, 4, s => BinaryPrimitives.ReadInt32LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.UV => Read(bytes, 8, s => BinaryPrimitives.ReadUInt64LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.SV => Read(bytes, 8, s => BinaryPrimitives.ReadInt64LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.FL => Read(bytes, 4, s => BinaryPrimitives.ReadSingleLittleEndian(s).ToString("R", CultureInfo.InvariantCulture)),
            DicomVR.FD => Read(bytes, 8, s => BinaryPrimitives.ReadDoubleLittleEndian(s).ToString("R", CultureInfo.InvariantCulture)),
            DicomVR.AT => Read(bytes, 4, s => new DicomTag(
                BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..])).ToString()),
            _ => null,
        };
        return values is null ? null : string.Join('\\', values);
    }

    /// <summary>Encodes text for a VR: strings through the character set, numbers parsed invariant.</summary>
    public static byte[] Encode(DicomTag tag, DicomVR vr, string value, CharacterSet characterSet)
    {
        if (value.Length == 0)
        {
            return [];
        }

        if (VRInfo.IsText(vr))
        {
            return characterSet.Encode(value, vr);
        }

        var parts = value.Split('\\');
        return vr switch
        {
            DicomVR.US => Write(parts, 2, (p, s) => BinaryPrimitives.WriteUInt16LittleEndian(s, ushort.Parse(p, CultureInfo.InvariantCulture))),
            DicomVR.SS => Write(parts, 2, (p, s) => BinaryPrimitives.WriteInt16LittleEndian(s, short.Parse(p, CultureInfo.InvariantCulture))),
            DicomVR.UL => Write(parts, 4, (p, s) => BinaryPrimitives.WriteUInt32LittleEndian(s, uint.Parse(p, CultureInfo.InvariantCulture))),
            DicomVR.SL => Write(parts, 4, (p, s) => BinaryPrimitives.WriteInt32LittleEndian(s, int.Parse(p, CultureInfo.InvariantCulture))),
            DicomVR.UV => Write(parts, 8, (p, s) => BinaryPrimitives.WriteUInt64LittleEndian(s, ulong.Parse(p, CultureInfo.InvariantCulture))),
            DicomVR.SV => Write(parts, 8, (p, s) => BinaryPrimitives.WriteInt64LittleEndian(s, long.Parse(p, CultureInfo.InvariantCulture))),
            DicomVR.FL => Write(parts, 4, (p, s) => BinaryPrimitives.WriteSingleLittleEndian(s, float.Parse(p, CultureInfo.InvariantCulture))),
            DicomVR.FD => Write(parts, 8, (p, s) => BinaryPrimitives.WriteDoubleLittleEndian(s, double.Parse(p, CultureInfo.InvariantCulture))),
            DicomVR.AT => Write(parts, 4, (p, s) =>
            {
                var at = DicomTag.Parse(p);
                BinaryPrimitives.WriteUInt16LittleEndian(s, at.Group);
                BinaryPrimitives.WriteUInt16LittleEndian(s[2..], at.Element);
            }),
            _ => throw new ArgumentException($"{tag} has VR {vr}, which has no text form: build it with DicomElement.FromBytes.", nameof(vr)),
        };
    }

    private static string TrimEnd(string text) => text.TrimEnd(' ', '\0');

    private static string Trim(string text, DicomVR vr)
        => vr is DicomVR.PN or DicomVR.LO or DicomVR.SH or DicomVR.UC ? TrimEnd(text) : text.Trim(' ', '\0');

    private delegate string Reader(ReadOnlySpan<byte> span);

    private delegate void Writer(string part, Span<byte> span);

    private static List<string> Read(ReadOnlySpan<byte> bytes, int size, Reader read)
    {
        var values = new List<string>(bytes.Length / size);
        for (var i = 0; i + size <= bytes.Length; i += size)
        {
            values.Add(read(bytes.Slice(i, size)));
        }

        return values;
    }

    private static byte[] Write(string[] parts, int size, Writer write)
    {
        var bytes = new byte[parts.Length * size];
        for (var i = 0; i < parts.Length; i++)
        {
            write(parts[i].Trim(), bytes.AsSpan(i * size, size));
        }

        return bytes;
    }
}
