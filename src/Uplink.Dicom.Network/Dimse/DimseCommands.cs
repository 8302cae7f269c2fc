namespace Uplink.Dicom.Network.Dimse;

/// <summary>Builds the C-ECHO and C-STORE command sets (PS3.7 9.3.1, 9.3.5).</summary>
internal static class DimseCommands
{
    public const string VerificationSopClass = "1.2.840.10008.1.1";

    public static CommandSet EchoRequest(ushort messageId) => new CommandSet()
        .SetString(CommandTags.AffectedSopClassUid, VerificationSopClass)
        .SetUInt16(CommandTags.CommandField, CommandField.CEchoRequest)
        .SetUInt16(CommandTags.MessageId, messageId)
        .SetUInt16(CommandTags.CommandDataSetType, CommandField.NoDataSet);

    public static CommandSet EchoResponse(ushort respondingTo, ushort status) => new CommandSet()
        .SetString(CommandTags.AffectedSopClassUid, VerificationSopClass)
        .SetUInt16(CommandTags.CommandField, CommandField.CEchoResponse)
        .SetUInt16(CommandTags.MessageIdBeingRespondedTo, respondingTo)
        .SetUInt16(CommandTags.CommandDataSetType, CommandField.NoDataSet)
        .SetUInt16(CommandTags.Status, status);

    public static CommandSet StoreRequest(ushort messageId, string sopClassUid, string sopInstanceUid) => new CommandSet()
        .SetString(CommandTags.AffectedSopClassUid, sopClassUid)
        .SetUInt16(CommandTags.CommandField, CommandField.CStoreRequest)
        .SetUInt16(CommandTags.MessageId, messageId)
        .SetUInt16(CommandTags.Priority, 0)
        .SetUInt16(CommandTags.CommandDataSetType, CommandField.DataSetPresent)
        .SetString(CommandTags.AffectedSopInstanceUid, sopInstanceUid);

    public static CommandSet StoreResponse(ushort respondingTo, string sopClassUid, string sopInstanceUid, ushort status) => new CommandSet()
        .SetString(CommandTags.AffectedSopClassUid, sopClassUid)
        .SetUInt16(CommandTags.CommandField, CommandField.CStoreResponse)
        .SetUInt16(CommandTags.MessageIdBeingRespondedTo, respondingTo)
        .SetUInt16(CommandTags.CommandDataSetType, CommandField.NoDataSet)
        .SetUInt16(CommandTags.Status, status)
        .SetString(CommandTags.AffectedSopInstanceUid, sopInstanceUid);
}
