namespace Uplink.Dicom.Network.Pdus;

/// <summary>The (source, reason) pairs of A-ASSOCIATE-RJ that Uplink sends (PS3.8 table 9-21).</summary>
internal static class RejectReason
{
    /// <summary>Source 1, service user.</summary>
    public const byte SourceServiceUser = 1;

    /// <summary>Source 2, service provider (ACSE related).</summary>
    public const byte SourceAcse = 2;

    /// <summary>Source 3, service provider (presentation related).</summary>
    public const byte SourcePresentation = 3;

    /// <summary>Service user: no reason given.</summary>
    public const byte NoReasonGiven = 1;

    /// <summary>Service user: application context name not supported.</summary>
    public const byte ApplicationContextNotSupported = 2;

    /// <summary>Service user: calling AE title not recognized.</summary>
    public const byte CallingAeNotRecognized = 3;

    /// <summary>Service user: called AE title not recognized.</summary>
    public const byte CalledAeNotRecognized = 7;

    /// <summary>ACSE: protocol version not supported.</summary>
    public const byte ProtocolVersionNotSupported = 2;

    /// <summary>Presentation: temporary congestion.</summary>
    public const byte TemporaryCongestion = 1;

    /// <summary>Presentation: local limit exceeded (the association cap).</summary>
    public const byte LocalLimitExceeded = 2;
}
