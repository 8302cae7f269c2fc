using System.Net;

namespace Uplink.Dicom.Network;

/// <summary>How a <see cref="DicomServer"/> listens and what it accepts.</summary>
public sealed record DicomServerOptions
{
    /// <summary>The called AE title this server answers to (others are rejected, reason 7).</summary>
    public required string AeTitle { get; init; }

    /// <summary>Calling AE titles allowed to associate; empty allows any (others are rejected, reason 3).</summary>
    public IReadOnlyCollection<string> AllowedCallingAeTitles { get; init; } = [];

    /// <summary>The address to listen on; loopback unless configured otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 picks a free one (see <see cref="DicomServer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>SOP classes accepted as abstract syntaxes besides Verification (C-ECHO), which is always accepted.</summary>
    public IReadOnlyCollection<string> AbstractSyntaxes { get; init; } = [];

    /// <summary>Transfer syntaxes accepted; of those a peer proposes, its first one that is listed here wins, so data sets stay as sent.</summary>
    public IReadOnlyCollection<string> TransferSyntaxes { get; init; } =
    [
        "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.5",
    ];

    /// <summary>The maximum P-DATA-TF length announced to peers (0 = unlimited).</summary>
    public uint MaxPduLength { get; init; } = 65536;

    /// <summary>
    /// The most associations served at once; a request beyond it is rejected as transient (source 3, reason 2
    /// "local limit exceeded") so the sender retries later. 0 = no limit.
    /// </summary>
    public int MaxAssociations { get; init; }

    /// <summary>ARTIM, idle and DIMSE timeouts.</summary>
    public DicomNetworkTimeouts Timeouts { get; init; } = DicomNetworkTimeouts.Default;

    /// <summary>Where received data sets are spooled while they arrive; put it on the volume of the final store so a move is a rename.</summary>
    public string TemporaryDirectory { get; init; } = Path.GetTempPath();

    /// <summary>TLS for every association (a certificate is then required); null listens in the clear.</summary>
    public DicomTlsOptions? Tls { get; init; }

    /// <summary>The clock for every timer.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
