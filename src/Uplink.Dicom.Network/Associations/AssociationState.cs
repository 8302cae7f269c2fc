namespace Uplink.Dicom.Network.Associations;

/// <summary>
/// The states of PS3.8 table 9-10 that an Uplink association can rest in. The transient ones (Sta3, Sta4, Sta8)
/// last only while one method runs, and the release collision states never arise because Uplink's SCP
/// never requests a release and its SCU sends nothing after requesting one.
/// </summary>
internal enum AssociationState
{
    /// <summary>Sta2: transport open, waiting for A-ASSOCIATE-RQ (ARTIM running).</summary>
    AwaitingRequest,

    /// <summary>Sta5: A-ASSOCIATE-RQ sent, waiting for A-ASSOCIATE-AC or -RJ.</summary>
    AwaitingAccept,

    /// <summary>Sta6: association established, ready for data transfer.</summary>
    Established,

    /// <summary>Sta7: A-RELEASE-RQ sent, waiting for A-RELEASE-RP.</summary>
    AwaitingReleaseResponse,

    /// <summary>Sta13: waiting for the transport to close (ARTIM running).</summary>
    AwaitingClose,

    /// <summary>Sta1: idle, transport closed.</summary>
    Closed,
}
