namespace Uplink.Dicom.Network.Dimse;

/// <summary>Builds the C-FIND, C-MOVE, C-GET and C-CANCEL request command sets (PS3.7 9.3.2–9.3.4, 9.3.2.3).</summary>
internal static class RetrieveCommands
{
    /// <summary>Priority medium (0000), as dcmtk's SCUs send it.</summary>
    private const ushort MediumPriority = 0x0000;

    public static CommandSet FindRequest(ushort messageId, string sopClassUid) => Request(CommandField.CFindRequest, messageId, sopClassUid);

    public static CommandSet GetRequest(ushort messageId, string sopClassUid) => Request(CommandField.CGetRequest, messageId, sopClassUid);

    public static CommandSet MoveRequest(ushort messageId, string sopClassUid, string destinationAeTitle) =>
        Request(CommandField.CMoveRequest, messageId, sopClassUid).SetString(CommandTags.MoveDestination, destinationAeTitle, uid: false);

    /// <summary>C-CANCEL-RQ names the operation it cancels by (0000,0120) and carries no data set.</summary>
    public static CommandSet CancelRequest(ushort cancelledMessageId) => new CommandSet()
        .SetUInt16(CommandTags.CommandField, CommandField.CCancelRequest)
        .SetUInt16(CommandTags.MessageIdBeingRespondedTo, cancelledMessageId)
        .SetUInt16(CommandTags.CommandDataSetType, CommandField.NoDataSet);

    private static CommandSet Request(ushort field, ushort messageId, string sopClassUid) => new CommandSet()
        .SetString(CommandTags.AffectedSopClassUid, sopClassUid)
        .SetUInt16(CommandTags.CommandField, field)
        .SetUInt16(CommandTags.MessageId, messageId)
        .SetUInt16(CommandTags.Priority, MediumPriority)
        .SetUInt16(CommandTags.CommandDataSetType, CommandField.DataSetPresent);
}
