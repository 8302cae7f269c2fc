using System.Buffers.Binary;
using System.Text;

namespace Uplink.Dicom.Network.Pdus;

/// <summary>Builds one PDU in memory (association PDUs are small): big-endian fields, items with their lengths patched in.</summary>
internal sealed class PduWriter
{
    private readonly MemoryStream _buffer = new();

    public PduWriter(PduType type)
    {
        _buffer.WriteByte((byte)type);
        _buffer.WriteByte(0);
        WriteUInt32(0);
    }

    public void WriteByte(byte value) => _buffer.WriteByte(value);

    public void WriteUInt16(ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        _buffer.Write(bytes);
    }

    public void WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        _buffer.Write(bytes);
    }

    public void WriteZeros(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _buffer.WriteByte(0);
        }
    }

    /// <summary>An AE title field: 16 bytes, space padded.</summary>
    public void WriteAeTitle(string title)
    {
        var bytes = Encoding.ASCII.GetBytes(title.PadRight(16));
        _buffer.Write(bytes, 0, 16);
    }

    public void WriteAscii(string value) => _buffer.Write(Encoding.ASCII.GetBytes(value));

    /// <summary>An item or sub-item: type, reserved byte, 2-byte length, then what <paramref name="body"/> writes.</summary>
    public void WriteItem(byte type, Action<PduWriter> body)
    {
        _buffer.WriteByte(type);
        _buffer.WriteByte(0);
        var lengthAt = _buffer.Position;
        WriteUInt16(0);
        var start = _buffer.Position;
        body(this);
        Patch(lengthAt, checked((ushort)(_buffer.Position - start)), 2);
    }

    public void WriteTextItem(byte type, string value) => WriteItem(type, w => w.WriteAscii(value));

    public byte[] ToArray()
    {
        Patch(2, (uint)(_buffer.Length - 6), 4);
        return _buffer.ToArray();
    }

    private void Patch(long at, uint value, int size)
    {
        var end = _buffer.Position;
        _buffer.Position = at;
        if (size == 2)
        {
            WriteUInt16((ushort)value);
        }
        else
        {
            WriteUInt32(value);
        }

        _buffer.Position = end;
    }
}
