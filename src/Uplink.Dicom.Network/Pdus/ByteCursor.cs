using System.Buffers.Binary;
using System.Text;

namespace Uplink.Dicom.Network.Pdus;

/// <summary>
/// A big-endian reader over a PDU body that checks every length against what is left, so a length that
/// points past the PDU becomes an A-ABORT with the offset, not an exception from the runtime.
/// </summary>
internal struct ByteCursor(ReadOnlyMemory<byte> bytes, int baseOffset)
{
    private readonly ReadOnlyMemory<byte> _bytes = bytes;
    private readonly int _baseOffset = baseOffset;
    private int _position;

    public readonly int Remaining => _bytes.Length - _position;

    /// <summary>The offset in the PDU (header included) of the next byte, for messages.</summary>
    public readonly int Offset => _baseOffset + _position;

    public byte ReadByte() => Take(1, "a byte").Span[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2, "a 2-byte field").Span);

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4, "a 4-byte field").Span);

    public void Skip(int count) => Take(count, $"{count} reserved bytes");

    /// <summary>The value of an item whose length was just read: the length must fit in what is left.</summary>
    public ByteCursor Item(int length, string what)
    {
        var start = Offset;
        return new ByteCursor(Take(length, what), start);
    }

    public ReadOnlyMemory<byte> Take(int length, string what)
    {
        if (length < 0 || length > Remaining)
        {
            throw new PduFormatException(
                AbortReason.InvalidPduParameterValue,
                $"{what} at byte {Offset} needs {length} bytes but only {Remaining} are left in its item or PDU.");
        }

        var slice = _bytes.Slice(_position, length);
        _position += length;
        return slice;
    }

    /// <summary>An ASCII field with trailing spaces and NULs (UID padding) removed, leading spaces kept out too.</summary>
    public string ReadAscii(int length, string what)
    {
        var span = Take(length, what).Span;
        return Encoding.ASCII.GetString(span).Trim(' ', '\0');
    }
}
