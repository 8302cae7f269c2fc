namespace Uplink.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ (PS3.8 9.3.4): result 1 permanent or 2 transient, then source and reason.</summary>
internal sealed record AssociateReject(byte Result, byte Source, byte Reason)
{
    public const byte Permanent = 1;

    public const byte Transient = 2;

    public static AssociateReject PermanentlyBy(byte source, byte reason) => new(Permanent, source, reason);

    public static AssociateReject TransientlyBy(byte source, byte reason) => new(Transient, source, reason);

    public override string ToString() => $"result {Result}, source {Source}, reason {Reason}";
}
