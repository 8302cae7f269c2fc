using Uplink.Input.ViewPoint;
using Uplink.Input.ViewPoint.Api;
using Uplink.Input.ViewPoint.Images;

namespace Uplink.Plugins.Tests.Input.Api;

public sealed class ViewPointInputTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0", "not loopback: use an https:// Listen URL")]
    [InlineData("https://127.0.0.1:0", "over HTTPS: set CertificatePath")]
    [InlineData("ftp://127.0.0.1:21", "is not an http:// or https:// URL")]
    [InlineData("http://viewpoint.example:80", "is not an http:// or https:// URL")]
    public async Task A_listen_setting_that_would_be_unsafe_or_unusable_is_refused_with_the_fix(string listen, string expected)
    {
        var options = new ViewPointOptions { Listen = listen, ApiKey = "k", ImageRoot = Path.GetTempPath() };
        var input = new ViewPointInput(options, new FolderImageSource(options), new ViewPointIdentity("vp"), TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => input.RunAsync(null!, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_key_the_input_refuses_to_start()
    {
        var options = new ViewPointOptions { Listen = "http://127.0.0.1:0", ImageRoot = Path.GetTempPath() };
        var input = new ViewPointInput(options, new FolderImageSource(options), new ViewPointIdentity("vp"), TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => input.RunAsync(null!, TestContext.Current.CancellationToken));

        Assert.Contains("has no API key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_is_read_from_the_key_file_setup_wrote()
    {
        var file = Path.Combine(Path.GetTempPath(), $"uplink-key-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "  file-key-0123456789\n", TestContext.Current.CancellationToken);
        var options = new ViewPointOptions { Listen = "http://127.0.0.1:0", ApiKeyFile = file, ImageRoot = Path.GetTempPath() };
        var input = new ViewPointInput(options, new FolderImageSource(options), new ViewPointIdentity("vp"), TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = input.RunAsync(new NoShares(), stop.Token);
        using var client = new HttpClient { BaseAddress = await input.Listening.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken) };

        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/v1/shares/x");
        right.Headers.Authorization = new("Bearer", "file-key-0123456789");
        using var rightResponse = await client.SendAsync(right, TestContext.Current.CancellationToken);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/v1/shares/x");
        wrong.Headers.Authorization = new("Bearer", "k");
        using var wrongResponse = await client.SendAsync(wrong, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await running;
        File.Delete(file);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, rightResponse.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
    }

    [Fact]
    public async Task With_a_certificate_the_api_serves_https_and_only_https()
    {
        var folder = Directory.CreateTempSubdirectory("uplink-cert-").FullName;
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=uplink.test", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(folder, "api.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pw"), TestContext.Current.CancellationToken);
        var options = new ViewPointOptions { Listen = "https://127.0.0.1:0", CertificatePath = pfx, CertificatePassword = "pw", ApiKey = "k", ImageRoot = folder };
        var input = new ViewPointInput(options, new FolderImageSource(options), new ViewPointIdentity("vp"), TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = input.RunAsync(new NoShares(), stop.Token);
        var address = await input.Listening.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        string? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => (presented = cert?.Thumbprint) == certificate.Thumbprint,
        };
        using var https = new HttpClient(handler) { BaseAddress = address };
        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{address.Port}") };

        using var response = await https.GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var overPlainHttp = await Record.ExceptionAsync(() => plain.GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken));
        await stop.CancelAsync();
        await running;
        Directory.Delete(folder, recursive: true);

        Assert.Equal("https", address.Scheme);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(certificate.Thumbprint, presented);
        Assert.IsType<HttpRequestException>(overPlainHttp);
    }

    private sealed class NoShares : Abstractions.Inputs.IShareIntake
    {
        public Task<Abstractions.Inputs.ShareReceipt> SubmitAsync(Abstractions.Inputs.ShareRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Abstractions.Inputs.ShareStatusReport?> GetStatusAsync(string shareId, CancellationToken cancellationToken) =>
            Task.FromResult<Abstractions.Inputs.ShareStatusReport?>(null);
    }
}
