using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Uplink.Plugins.Tests.Support;
using Uplink.Tricefy.Simulator;

namespace Uplink.Plugins.Tests.Outputs.Tricefy.Simulator;

/// <summary>The simulator enforces exactly Tricefy's published rules, each with its own status.</summary>
public sealed class TricefySimulatorRulesTests : IAsyncLifetime
{
    private SimulatorScope _scope = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => _scope = await SimulatorScope.StartAsync(new TricefySimulatorOptions { RequestBudget = TimeSpan.FromSeconds(1) });

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _scope.DisposeAsync();
    }

    [Fact]
    public async Task Get_WithTheAccountsCredentials_Answers200_AndWithAWrongTokenAnswers401()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, null, _scope.Simulator.Options.Token)).StatusCode);
        var refused = await SendAsync(HttpMethod.Get, null, "wrong-token");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Basic", refused.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Post_OneValidFile_IsStoredBySopInstanceUid()
    {
        var response = await PostFileAsync(_scope.Instance("2.25.100").FilePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_scope.Simulator.Received.Instances);
        Assert.Equal("2.25.100", stored.SopInstanceUid);
        Assert.Equal(await File.ReadAllBytesAsync(_scope.Instance("2.25.100").FilePath, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(stored.StoredPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_WithoutCredentials_Answers401AndStoresNothing()
    {
        var response = await PostFileAsync(_scope.Instance("2.25.101").FilePath, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_scope.Simulator.Received.Instances);
    }

    [Fact]
    public async Task Post_MultipartBody_Answers415_BecauseTricefyTakesOneRawFilePerRequest()
    {
        var multipart = new MultipartContent("related", "b") { new ByteArrayContent(await File.ReadAllBytesAsync(_scope.Instance("2.25.102").FilePath, TestContext.Current.CancellationToken)) };

        var response = await SendAsync(HttpMethod.Post, multipart, _scope.Simulator.Options.Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/dicom", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FileOverTenMegabytes_Answers413()
    {
        var big = _scope.Instance("2.25.103", pixelBytes: 10_000_001);

        var response = await PostFileAsync(big.FilePath);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_scope.Simulator.Received.Instances);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("1.2.840.10008.1.2.5", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("1.2.840.10008.1.2.4.90", HttpStatusCode.UnsupportedMediaType)]
    public async Task Post_TransferSyntaxTricefyDoesNotList_IsRefusedNamingIt(string transferSyntax, HttpStatusCode expected)
    {
        var response = await PostFileAsync(_scope.Instance("2.25.104", transferSyntaxUid: transferSyntax).FilePath);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(transferSyntax, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SopClassTricefyDoesNotList_Answers409NamingIt()
    {
        var ct = _scope.Instance("2.25.105", sopClassUid: "1.2.840.10008.5.1.4.1.1.2");

        var response = await PostFileAsync(ct.FilePath);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("1.2.840.10008.5.1.4.1.1.2", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NotDicom_Answers400()
    {
        var response = await SendAsync(HttpMethod.Post, Dicom(Encoding.ASCII.GetBytes("hello")), _scope.Simulator.Options.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyThatTrickles_PastTheBudget_IsCutOff()
    {
        var content = new StreamContent(new TricklingStream(await File.ReadAllBytesAsync(_scope.Instance("2.25.106", pixelBytes: 40_000).FilePath, TestContext.Current.CancellationToken), TimeSpan.FromMilliseconds(100)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var status = await SendStatusOrFailureAsync(content);

        Assert.True(status is HttpStatusCode.RequestTimeout or null, $"Expected 408 or a cut connection, got {status} after {sw.ElapsedMilliseconds} ms.");
        Assert.Empty(_scope.Simulator.Received.Instances);
        Assert.Contains(_scope.Simulator.Received.Rejections, r => r.StatusCode == 408);
    }

    private async Task<HttpStatusCode?> SendStatusOrFailureAsync(HttpContent content)
    {
        try
        {
            return (await SendAsync(HttpMethod.Post, content, _scope.Simulator.Options.Token)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private Task<HttpResponseMessage> PostFileAsync(string path, string? token = "")
        => SendAsync(HttpMethod.Post, Dicom(File.ReadAllBytes(path)), token == string.Empty ? _scope.Simulator.Options.Token : token);

    private static ByteArrayContent Dicom(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        return content;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, HttpContent? content, string? token)
    {
        using var request = new HttpRequestMessage(method, _scope.Simulator.StudiesEndpoint) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_scope.Simulator.Options.Email}:{token}")));
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
