namespace Uplink.Dicom.Network.Pdus;

/// <summary>A-ABORT (PS3.8 9.3.8). The reason is only meaningful when the provider aborts.</summary>
internal sealed record AbortPdu(AbortSource Source, AbortReason Reason)
{
    public static AbortPdu ByUser() => new(AbortSource.ServiceUser, AbortReason.NotSpecified);

    public static AbortPdu ByProvider(AbortReason reason) => new(AbortSource.ServiceProvider, reason);
}
