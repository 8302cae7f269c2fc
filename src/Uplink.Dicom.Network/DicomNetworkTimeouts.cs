namespace Uplink.Dicom.Network;

/// <summary>The upper layer's timers (PS3.8 9.1.4 ARTIM, plus association-idle and DIMSE timeouts).</summary>
/// <param name="Artim">Waiting for A-ASSOCIATE-RQ after accepting a connection, for A-ASSOCIATE-AC/RJ, for A-RELEASE-RP, and for the peer to close.</param>
/// <param name="Idle">An established association with no message in progress.</param>
/// <param name="Dimse">Between two PDUs of one message, and for a response.</param>
public sealed record DicomNetworkTimeouts(TimeSpan Artim, TimeSpan Idle, TimeSpan Dimse)
{
    /// <summary>dcmtk-like defaults: ARTIM 30 s, idle 60 s, DIMSE 60 s.</summary>
    public static DicomNetworkTimeouts Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
}
