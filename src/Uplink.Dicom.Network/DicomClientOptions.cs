namespace Uplink.Dicom.Network;

/// <summary>Where a <see cref="DicomClient"/> associates, and as whom.</summary>
public sealed record DicomClientOptions
{
    /// <summary>The peer's host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>The peer's TCP port.</summary>
    public required int Port { get; init; }

    /// <summary>The peer's AE title.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>This side's AE title.</summary>
    public string CallingAeTitle { get; init; } = "UPLINK";

    /// <summary>The maximum P-DATA-TF length announced to the peer (0 = unlimited).</summary>
    public uint MaxPduLength { get; init; } = 65536;

    /// <summary>Connect and ARTIM, idle and DIMSE (response) timeouts.</summary>
    public DicomNetworkTimeouts Timeouts { get; init; } = DicomNetworkTimeouts.Default;

    /// <summary>How long a cancelled C-FIND, C-MOVE or C-GET waits for the peer's answer to C-CANCEL before the association is aborted.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where data sets the peer sends (C-FIND matches, C-GET instances) are spooled while they arrive; put it on the volume of the store C-GET instances go to.</summary>
    public string TemporaryDirectory { get; init; } = Path.GetTempPath();

    /// <summary>TLS for the association (the peer's certificate must name <see cref="Host"/>); null connects in the clear.</summary>
    public DicomTlsOptions? Tls { get; init; }

    /// <summary>The clock for every timer.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
