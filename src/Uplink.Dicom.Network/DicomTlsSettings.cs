namespace Uplink.Dicom.Network;

/// <summary>The TLS settings section a DICOM plugin binds from configuration (see <see cref="DicomTlsOptions.From"/>).</summary>
public sealed class DicomTlsSettings
{
    /// <summary>Whether associations use TLS.</summary>
    public bool Enabled { get; set; }

    /// <summary>This side's certificate: a PFX/PKCS#12 file (with <see cref="CertificatePassword"/>) or a PEM file (with <see cref="KeyPath"/>, or the key inside it).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM certificate, when it is in a file of its own.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of a PFX file, or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A PEM file of trust anchors for the peer's certificate; unset trusts the system's store.</summary>
    public string? TrustedCertificatesPath { get; set; }

    /// <summary>Server only: require a trusted client certificate.</summary>
    public bool RequireClientCertificate { get; set; }
}
