namespace Uplink.Dicom.Network;

/// <summary>A C-MOVE or C-GET response: its status and the sub-operation counters (PS3.4 C.4.2.1.4, C.4.3.1.4).</summary>
/// <param name="Status">FF00 pending, 0000 success, B000 some sub-operations failed, FE00 cancelled, A7xx/A9xx/Cxxx failures.</param>
/// <param name="Remaining">Sub-operations still to do (sent in pending responses; may be absent in the final one).</param>
/// <param name="Completed">Sub-operations completed.</param>
/// <param name="Failed">Sub-operations that failed.</param>
/// <param name="Warning">Sub-operations that completed with a warning.</param>
public sealed record DicomRetrieveStatus(ushort Status, int? Remaining, int Completed, int Failed, int Warning)
{
    /// <summary>FF00: pending, more responses follow.</summary>
    public const ushort Pending = 0xFF00;

    /// <summary>FE00: the operation was cancelled by C-CANCEL.</summary>
    public const ushort Cancelled = 0xFE00;

    /// <summary>B000: completed, but one or more sub-operations failed.</summary>
    public const ushort SubOperationsFailed = 0xB000;

    /// <summary>A801: the C-MOVE destination is unknown to the archive.</summary>
    public const ushort MoveDestinationUnknown = 0xA801;

    /// <summary>Whether more responses follow.</summary>
    public bool IsPending => Status == Pending;
}
