namespace Uplink.Dicom.Network.Pdus;

/// <summary>A PDU that cannot be decoded; the association answers it with an A-ABORT carrying <see cref="Reason"/>.</summary>
internal sealed class PduFormatException(AbortReason reason, string message) : Exception(message)
{
    public AbortReason Reason { get; } = reason;
}
