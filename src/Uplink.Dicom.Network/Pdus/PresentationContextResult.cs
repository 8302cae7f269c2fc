namespace Uplink.Dicom.Network.Pdus;

/// <summary>The answer to one proposed context in A-ASSOCIATE-AC (item 0x21): result 0 accepts with exactly one transfer syntax.</summary>
internal sealed record PresentationContextResult(byte Id, byte Result, string TransferSyntax)
{
    public const byte Acceptance = 0;
    public const byte UserRejection = 1;
    public const byte NoReason = 2;
    public const byte AbstractSyntaxNotSupported = 3;
    public const byte TransferSyntaxesNotSupported = 4;

    public bool IsAccepted => Result == Acceptance;
}
