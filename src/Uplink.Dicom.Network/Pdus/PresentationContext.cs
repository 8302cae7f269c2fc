namespace Uplink.Dicom.Network.Pdus;

/// <summary>A presentation context proposed in A-ASSOCIATE-RQ (item 0x20): an odd id, one abstract syntax, one or more transfer syntaxes.</summary>
internal sealed record PresentationContext(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes);
