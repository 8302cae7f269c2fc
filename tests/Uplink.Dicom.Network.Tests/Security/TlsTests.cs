using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Uplink.Dicom.Network.Tests.Support;
using Uplink.Tests.Shared;

namespace Uplink.Dicom.Network.Tests.Security;

/// <summary>Associations over TLS (PS3.15 secure transport, TLS 1.2+) on loopback, with a generated self-signed certificate.</summary>
public sealed class TlsTests : IAsyncDisposable
{
    private readonly TemporaryFolder _store = new();
    private readonly TemporaryFolder _spool = new();
    private readonly TemporaryFolder _sources = new();
    private readonly X509Certificate2 _certificate = SelfSignedCertificate.Create();
    private readonly FolderStoreHandler _handler;
    private DicomServer? _server;

    public TlsTests() => _handler = new FolderStoreHandler(_store.Path);

    [Fact]
    public async Task A_client_that_trusts_the_servers_certificate_echoes_and_stores_over_TLS()
    {
        var source = SyntheticPart10.Write(_sources.Path, "1.2.3.4.20", 200_000);
        var port = Start(new DicomTlsOptions { Certificate = _certificate });

        await using var client = await ConnectAsync(port, Trusting(), [source]);

        Assert.Equal(DimseStatus.Success, await client.EchoAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DimseStatus.Success, await client.StoreAsync(source, TestContext.Current.CancellationToken));
        await client.ReleaseAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Corpus.DatasetBytes(source), Corpus.DatasetBytes(Assert.Single(_store.Files())));
    }

    [Fact]
    public async Task A_client_refuses_a_server_certificate_it_does_not_trust()
    {
        var port = Start(new DicomTlsOptions { Certificate = _certificate });

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() => ConnectAsync(port, new DicomTlsOptions(), []));

        Assert.Contains("TLS handshake failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_requires_a_client_certificate_refuses_a_client_without_one_and_accepts_a_trusted_one()
    {
        var port = Start(new DicomTlsOptions { Certificate = _certificate, RequireClientCertificate = true, TrustedCertificates = [_certificate] });

        await Assert.ThrowsAsync<DicomNetworkException>(() => EchoAsync(port, Trusting()));

        Assert.Equal(DimseStatus.Success, await EchoAsync(port, Trusting() with { Certificate = _certificate }));
    }

    [Fact]
    public async Task A_client_in_the_clear_gets_no_association_and_the_server_keeps_serving_TLS()
    {
        var port = Start(new DicomTlsOptions { Certificate = _certificate });

        await Assert.ThrowsAsync<DicomNetworkException>(() => EchoAsync(port, null));

        Assert.Equal(DimseStatus.Success, await EchoAsync(port, Trusting()));
    }

    [Fact]
    public void A_TLS_server_without_a_certificate_is_refused_at_start()
    {
        var error = Assert.Throws<ArgumentException>(() => Start(new DicomTlsOptions()));

        Assert.Contains("certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dcmtk_storescu_with_TLS_and_a_client_certificate_stores_into_the_server()
    {
        var help = await DcmtkTool.RunAsync(TimeSpan.FromSeconds(10), "storescu", "--help");
        if (!help.Output.Contains("+tls", StringComparison.Ordinal))
        {
            Assert.Skip("This dcmtk storescu is built without TLS (no +tls option).");
        }

        var (certificate, key) = SelfSignedCertificate.WritePem(_certificate, _sources.Path);
        var source = SyntheticPart10.Write(_sources.Path, "1.2.3.4.21", 100_000);
        var port = Start(new DicomTlsOptions { Certificate = _certificate, RequireClientCertificate = true, TrustedCertificates = [_certificate] });

        var (exit, output) = await DcmtkTool.RunAsync(
            TimeSpan.FromSeconds(60), "storescu", "+tls", key, certificate, "+cf", certificate, "-aec", "UPLINK", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), source);

        Assert.True(exit == 0, output);
        Assert.Equal(Corpus.DatasetBytes(source), Corpus.DatasetBytes(Assert.Single(_store.Files())));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _certificate.Dispose();
        _store.Dispose();
        _spool.Dispose();
        _sources.Dispose();
    }

    private DicomTlsOptions Trusting() => new() { TrustedCertificates = [_certificate] };

    private int Start(DicomTlsOptions tls)
    {
        _server = DicomServer.Start(
            new DicomServerOptions { AeTitle = "UPLINK", AbstractSyntaxes = [SyntheticPart10.SopClass], TemporaryDirectory = _spool.Path, Tls = tls },
            _handler);
        return _server.Port;
    }

    private static Task<DicomClient> ConnectAsync(int port, DicomTlsOptions? tls, string[] files) => DicomClient.ConnectAsync(
        new DicomClientOptions { Host = "127.0.0.1", Port = port, CalledAeTitle = "UPLINK", Tls = tls },
        files.Length == 0 ? [DicomPresentationProposal.Verification] : [.. DicomPresentationProposal.ForFiles(files), DicomPresentationProposal.Verification],
        TestContext.Current.CancellationToken);

    private static async Task<ushort> EchoAsync(int port, DicomTlsOptions? tls)
    {
        await using var client = await ConnectAsync(port, tls, []);
        return await client.EchoAsync(TestContext.Current.CancellationToken);
    }
}
