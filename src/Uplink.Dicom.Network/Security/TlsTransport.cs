using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Uplink.Dicom.Network.Security;

/// <summary>The TLS handshake of an association, either side, under ARTIM: TLS 1.2 or 1.3 only (BCP 195), the peer checked by <see cref="Trusts"/>.</summary>
internal static class TlsTransport
{
    private const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    public static async Task<Stream> AcceptAsync(Socket socket, DicomTlsOptions tls, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false, (_, certificate, _, errors) => Trusts(tls, certificate, errors, tls.RequireClientCertificate));
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificate = tls.Certificate ?? throw new InvalidOperationException("A TLS server needs a certificate with its private key."),
            ClientCertificateRequired = tls.RequireClientCertificate,
            EnabledSslProtocols = Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        await HandshakeAsync(ssl, token => ssl.AuthenticateAsServerAsync(options, token), timeout, time, cancellationToken).ConfigureAwait(false);
        return ssl;
    }

    public static async Task<Stream> ConnectAsync(Socket socket, DicomTlsOptions tls, string host, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false, (_, certificate, _, errors) => Trusts(tls, certificate, errors, requireCertificate: true));
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            ClientCertificates = tls.Certificate is null ? null : [tls.Certificate],
            EnabledSslProtocols = Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        await HandshakeAsync(ssl, token => ssl.AuthenticateAsClientAsync(options, token), timeout, time, cancellationToken).ConfigureAwait(false);
        return ssl;
    }

    /// <summary>
    /// The peer's certificate is trusted when it is present (or not required), names the host (client side), and
    /// chains to the configured anchors, or to the system's store when none are configured.
    /// </summary>
    internal static bool Trusts(DicomTlsOptions tls, X509Certificate? certificate, SslPolicyErrors errors, bool requireCertificate)
    {
        if (certificate is null)
        {
            return !requireCertificate;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        if (tls.TrustedCertificates.Count == 0)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNotAvailable) == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(tls.TrustedCertificates);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var peer = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(peer);
    }

    private static async Task HandshakeAsync(SslStream ssl, Func<CancellationToken, Task> handshake, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await handshake(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException || (e is OperationCanceledException && timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new DicomNetworkException(timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? $"The TLS handshake did not finish within {timeout.TotalSeconds:0.###} s."
                : $"The TLS handshake failed: {e.Message}", e);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
