using System.Buffers.Binary;
using System.Text;

namespace Uplink.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE command set: group 0000 elements, always Implicit VR Little Endian (PS3.7 6.3.1), kept as raw
/// values by tag. Encoding writes the group length first and the elements in tag order.
/// </summary>
internal sealed class CommandSet
{
    /// <summary>Commands are a few hundred bytes; anything beyond this is not a command.</summary>
    public const int MaxEncodedLength = 64 * 1024;

    private readonly SortedDictionary<uint, byte[]> _elements = [];

    public ushort CommandField => GetUInt16(CommandTags.CommandField) ?? 0;

    public bool HasDataSet => GetUInt16(CommandTags.CommandDataSetType) is { } type && type != Dimse.CommandField.NoDataSet;

    public CommandSet SetUInt16(uint tag, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        _elements[tag] = bytes;
        return this;
    }

    /// <summary>A UI (NUL padded) or AE/LO (space padded) value, padded to even length.</summary>
    public CommandSet SetString(uint tag, string value, bool uid = true)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        if (bytes.Length % 2 == 1)
        {
            Array.Resize(ref bytes, bytes.Length + 1);
            bytes[^1] = uid ? (byte)0 : (byte)' ';
        }

        _elements[tag] = bytes;
        return this;
    }

    public ushort? GetUInt16(uint tag) =>
        _elements.TryGetValue(tag, out var bytes) && bytes.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : null;

    public string? GetString(uint tag) =>
        _elements.TryGetValue(tag, out var bytes) ? Encoding.ASCII.GetString(bytes).TrimEnd('\0', ' ') : null;

    public byte[] Encode()
    {
        var length = _elements.Where(e => e.Key != CommandTags.GroupLength).Sum(e => 8 + e.Value.Length);
        var output = new byte[12 + length];
        var span = output.AsSpan();
        WriteElement(ref span, CommandTags.GroupLength, BitConverter.GetBytes((uint)length));
        foreach (var (tag, value) in _elements)
        {
            if (tag != CommandTags.GroupLength)
            {
                WriteElement(ref span, tag, value);
            }
        }

        return output;
    }

    /// <summary>Decodes a command set; elements of other groups or lengths past the end are errors.</summary>
    /// <exception cref="DimseFormatException">The bytes are not a command set.</exception>
    public static CommandSet Decode(ReadOnlySpan<byte> bytes)
    {
        var set = new CommandSet();
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes.Length - offset < 8)
            {
                throw new DimseFormatException($"Command set ends inside an element header at byte {offset}.");
            }

            var group = BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
            var element = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(offset + 2)..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 4)..]);
            if (group != 0x0000)
            {
                throw new DimseFormatException($"Command set holds ({group:X4},{element:X4}) at byte {offset}; only group 0000 belongs there.");
            }

            if (length > bytes.Length - offset - 8)
            {
                throw new DimseFormatException($"Element (0000,{element:X4}) at byte {offset} has length {length}, past the end of the command ({bytes.Length} bytes).");
            }

            set._elements[element] = bytes.Slice(offset + 8, (int)length).ToArray();
            offset += 8 + (int)length;
        }

        return set;
    }

    private static void WriteElement(ref Span<byte> span, uint tag, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)tag);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)value.Length);
        value.CopyTo(span[8..]);
        span = span[(8 + value.Length)..];
    }
}
