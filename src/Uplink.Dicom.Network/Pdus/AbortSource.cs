namespace Uplink.Dicom.Network.Pdus;

/// <summary>Who aborted (PS3.8 table 9-26).</summary>
internal enum AbortSource : byte
{
    ServiceUser = 0,
    ServiceProvider = 2,
}
