namespace Uplink.Dicom.Network.Dimse;

/// <summary>Tags of the command group 0000 (PS3.7 E.1), as group&lt;&lt;16 | element.</summary>
internal static class CommandTags
{
    public const uint GroupLength = 0x0000_0000;
    public const uint AffectedSopClassUid = 0x0000_0002;
    public const uint CommandField = 0x0000_0100;
    public const uint MessageId = 0x0000_0110;
    public const uint MessageIdBeingRespondedTo = 0x0000_0120;
    public const uint MoveDestination = 0x0000_0600;
    public const uint Priority = 0x0000_0700;
    public const uint CommandDataSetType = 0x0000_0800;
    public const uint Status = 0x0000_0900;
    public const uint ErrorComment = 0x0000_0902;
    public const uint AffectedSopInstanceUid = 0x0000_1000;
    public const uint RemainingSubOperations = 0x0000_1020;
    public const uint CompletedSubOperations = 0x0000_1021;
    public const uint FailedSubOperations = 0x0000_1022;
    public const uint WarningSubOperations = 0x0000_1023;
    public const uint MoveOriginatorAeTitle = 0x0000_1030;
    public const uint MoveOriginatorMessageId = 0x0000_1031;
}
