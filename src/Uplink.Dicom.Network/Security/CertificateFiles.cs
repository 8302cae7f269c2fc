using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Uplink.Dicom.Network.Security;

/// <summary>Reads the certificate files named in <see cref="DicomTlsSettings"/>, with errors that name the setting and the file.</summary>
internal static class CertificateFiles
{
    public static X509Certificate2 LoadCertificate(DicomTlsSettings settings)
    {
        var path = settings.CertificatePath!;
        try
        {
            if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword);
            }

            var key = string.IsNullOrWhiteSpace(settings.KeyPath) ? null : settings.KeyPath;
            return string.IsNullOrEmpty(settings.CertificatePassword)
                ? X509Certificate2.CreateFromPemFile(path, key)
                : X509Certificate2.CreateFromEncryptedPemFile(path, settings.CertificatePassword, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new ArgumentException($"The TLS certificate (CertificatePath {path}) cannot be loaded: {e.Message}", nameof(settings), e);
        }
    }

    public static X509Certificate2Collection LoadBundle(string path)
    {
        try
        {
            var bundle = new X509Certificate2Collection();
            bundle.ImportFromPemFile(path);
            return bundle.Count > 0 ? bundle : throw new CryptographicException("the file holds no PEM certificate");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"The TLS trust anchors (TrustedCertificatesPath {path}) cannot be loaded: {e.Message}", nameof(path), e);
        }
    }
}
