using Uplink.Dicom.Network;

namespace Uplink.Input.DicomStore;

/// <summary>The plugin's settings section (bound from configuration).</summary>
internal sealed class DicomStoreOptions
{
    /// <summary>The AE title senders must call.</summary>
    public string AeTitle { get; set; } = "UPLINK";

    /// <summary>The address to listen on: loopback unless the site opens it up.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port (104 needs privileges; 11112 is the registered alternative).</summary>
    public int Port { get; set; } = 11112;

    /// <summary>Calling AE titles allowed to send; empty allows any.</summary>
    public List<string> AllowedCallingAeTitles { get; set; } = [];

    /// <summary>SOP classes accepted: ultrasound single and multi-frame, secondary capture, SR and encapsulated PDF by default.</summary>
    public List<string> SopClasses { get; set; } =
    [
        "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.3.1", "1.2.840.10008.5.1.4.1.1.6", "1.2.840.10008.5.1.4.1.1.3",
        "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.104.1",
    ];

    /// <summary>Transfer syntaxes accepted, kept as sent: Implicit/Explicit LE, JPEG Baseline, JPEG Lossless, RLE.</summary>
    public List<string> TransferSyntaxes { get; set; } =
    [
        "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.5",
    ];

    /// <summary>The maximum PDU length announced to senders (0 = unlimited).</summary>
    public uint MaxPduLength { get; set; } = 65536;

    /// <summary>The most associations served at once; more are rejected as transient (the sender retries later). 0 = no limit.</summary>
    public int MaxAssociations { get; set; } = 16;

    /// <summary>TLS for senders (PS3.15 secure transport); off unless enabled, then a server certificate is required.</summary>
    public DicomTlsSettings Tls { get; set; } = new();

    /// <summary>Where instances are kept; relative paths are under the plugin's data folder.</summary>
    public string StoreDirectory { get; set; } = "instances";

    /// <summary>When true, a study that has received nothing for <see cref="StudyQuietSeconds"/> becomes a share to the active outputs, without recipient.</summary>
    public bool RouteStudies { get; set; }

    /// <summary>How long a study must be quiet before its received instances are routed.</summary>
    public double StudyQuietSeconds { get; set; } = 30;
}
