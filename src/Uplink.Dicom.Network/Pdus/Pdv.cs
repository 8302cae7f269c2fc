namespace Uplink.Dicom.Network.Pdus;

/// <summary>One presentation data value item of a P-DATA-TF (PS3.8 9.3.5.1, annex E.2): a slice of the PDU body.</summary>
internal readonly record struct Pdv(byte PresentationContextId, byte ControlHeader, ReadOnlyMemory<byte> Data)
{
    public bool IsCommand => (ControlHeader & 0x01) != 0;

    public bool IsLastFragment => (ControlHeader & 0x02) != 0;

    public static byte Control(bool command, bool last) => (byte)((command ? 1 : 0) | (last ? 2 : 0));
}
