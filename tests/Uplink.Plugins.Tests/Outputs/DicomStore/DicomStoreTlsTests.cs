using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Dicom.Network.Tests.Support;
using Uplink.Input.DicomStore;
using Uplink.Output.DicomStore;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tests.Shared;

namespace Uplink.Plugins.Tests.Outputs.DicomStore;

/// <summary>The C-STORE output into the C-STORE input over TLS, both set up from settings as the host would (PEM on one side, PFX on the other).</summary>
public sealed class DicomStoreTlsTests : IAsyncDisposable
{
    private readonly TempFolder _temp = new("uplink-cstore-tls");
    private readonly X509Certificate2 _certificate = SelfSignedCertificate.Create();
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _receiver;
    private readonly DicomStoreInput _input;
    private readonly Task _running;

    public DicomStoreTlsTests()
    {
        var (certificate, key) = SelfSignedCertificate.WritePem(_certificate, _temp.Path);
        var settings = new Dictionary<string, string?>
        {
            ["AeTitle"] = "UPLINK",
            ["Port"] = "0",
            ["Tls:Enabled"] = "true",
            ["Tls:CertificatePath"] = certificate,
            ["Tls:KeyPath"] = key,
            ["Tls:TrustedCertificatesPath"] = certificate,
            ["Tls:RequireClientCertificate"] = "true",
        };
        var services = new ServiceCollection();
        new DicomStorePlugin().ConfigureServices(services, new TestPluginContext("Uplink.Input.DicomStore", settings, _temp.Combine("receiver")));
        _receiver = services.BuildServiceProvider();
        _input = (DicomStoreInput)_receiver.GetRequiredService<IInputPlugin>();
        _running = _input.RunAsync(new UnusedIntake(), _stop.Token);
    }

    [Fact]
    public async Task An_output_with_a_trusted_client_certificate_delivers_over_TLS()
    {
        var instance = Corpus.Instance(Corpus.File("us/atl_ybr_full_exvrle.dcm"));
        var pfx = _temp.Combine("client.pfx");
        await File.WriteAllBytesAsync(pfx, _certificate.Export(X509ContentType.Pkcs12, "secret"), TestContext.Current.CancellationToken);

        var result = Assert.Single(await (await OutputAsync(new()
        {
            ["Tls:Enabled"] = "true",
            ["Tls:CertificatePath"] = pfx,
            ["Tls:CertificatePassword"] = "secret",
            ["Tls:TrustedCertificatesPath"] = _temp.Combine("cert.pem"),
        })).DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(ImageResolutionOutcome.Found, (await _receiver.GetRequiredService<IImageSource>().ResolveAsync(instance.SopInstanceUid, TestContext.Current.CancellationToken)).Outcome);
    }

    [Fact]
    public async Task An_output_in_the_clear_to_a_TLS_receiver_gets_a_retry()
    {
        var instance = Corpus.Instance(Corpus.File("us/atl_ybr_full_exvrle.dcm"));

        var result = Assert.Single(await (await OutputAsync([])).DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Retry, result.Status);
    }

    [Fact]
    public void A_certificate_file_that_is_missing_is_named_in_the_error()
    {
        var missing = _temp.Combine("missing.pfx");
        var settings = new Dictionary<string, string?>
        {
            ["Host"] = "127.0.0.1", ["Port"] = "104", ["CalledAeTitle"] = "PACS", ["Tls:Enabled"] = "true", ["Tls:CertificatePath"] = missing,
        };
        var services = new ServiceCollection();
        new DicomStoreOutputPlugin().ConfigureServices(services, new TestPluginContext("Uplink.Output.DicomStore", settings, _temp.Path));

        var error = Assert.Throws<ArgumentException>(() => services.BuildServiceProvider().GetRequiredService<IOutputPlugin>());

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await _receiver.DisposeAsync();
        _stop.Dispose();
        _certificate.Dispose();
        _temp.Dispose();
    }

    private async Task<IOutputPlugin> OutputAsync(Dictionary<string, string?> tls)
    {
        for (var i = 0; i < 500 && _input.Port is null; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var settings = new Dictionary<string, string?>(tls)
        {
            ["Host"] = "127.0.0.1",
            ["Port"] = _input.Port!.Value.ToString(CultureInfo.InvariantCulture),
            ["CalledAeTitle"] = "UPLINK",
            ["TimeoutSeconds"] = "10",
        };
        var services = new ServiceCollection();
        new DicomStoreOutputPlugin().ConfigureServices(services, new TestPluginContext("Uplink.Output.DicomStore", settings, _temp.Path));
        return services.BuildServiceProvider().GetRequiredService<IOutputPlugin>();
    }
}
