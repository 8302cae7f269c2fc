namespace Uplink.Dicom.Network.Pdus;

/// <summary>One PDU as read from the wire: its type and its body (the bytes after the 6-byte header).</summary>
internal sealed record RawPdu(PduType Type, ReadOnlyMemory<byte> Body);
