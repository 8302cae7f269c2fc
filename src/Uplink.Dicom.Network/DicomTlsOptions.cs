using System.Security.Cryptography.X509Certificates;

namespace Uplink.Dicom.Network;

/// <summary>
/// TLS for an association (PS3.15 annex B.9, BCP 195 secure transport): TLS 1.2 or 1.3 only, the peer's
/// certificate checked against the system's trust or the given anchors, the host name checked by a requestor.
/// </summary>
public sealed record DicomTlsOptions
{
    /// <summary>This side's certificate with its private key: required for a server, optional for a client (its client certificate).</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Trust anchors for the peer's certificate (for example a site's own CA or a self-signed peer); empty uses the system's store.</summary>
    public X509Certificate2Collection TrustedCertificates { get; init; } = [];

    /// <summary>Server only: refuse a client that presents no certificate, or one that is not trusted.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>Loads the settings' files: a PFX (with its password) or a PEM certificate with its PEM key, and a PEM bundle of trust anchors.</summary>
    /// <param name="settings">The bound settings.</param>
    /// <returns>The options, or null when TLS is not enabled.</returns>
    /// <exception cref="ArgumentException">A file is missing or cannot be read; the message names the setting and the file.</exception>
    public static DicomTlsOptions? From(DicomTlsSettings? settings)
    {
        if (settings is not { Enabled: true })
        {
            return null;
        }

        return new DicomTlsOptions
        {
            Certificate = string.IsNullOrWhiteSpace(settings.CertificatePath) ? null : Security.CertificateFiles.LoadCertificate(settings),
            TrustedCertificates = string.IsNullOrWhiteSpace(settings.TrustedCertificatesPath) ? [] : Security.CertificateFiles.LoadBundle(settings.TrustedCertificatesPath),
            RequireClientCertificate = settings.RequireClientCertificate,
        };
    }
}
