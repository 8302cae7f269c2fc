using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy.Simulator;

/// <summary>The simulator's side of the documented share hand-off (docs/tricefy.md).</summary>
public sealed class TricefySimulatorSharesTests : IAsyncLifetime
{
    private SimulatorScope _scope = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => _scope = await SimulatorScope.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _scope.DisposeAsync();
    }

    [Fact]
    public async Task Post_DocumentedBody_IsAccepted202_AndTheSameShareAgainIs200AndRecordedOnce()
    {
        var body = new { shareId = "s-1", studyInstanceUids = new[] { "2.25.1" }, instanceCount = 3, recipient = new { email = "p@example.org", phone = (string?)null } };

        var first = await SendAsync(JsonContent.Create(body), _scope.Simulator.Options.Token);
        var second = await SendAsync(JsonContent.Create(body), _scope.Simulator.Options.Token);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var share = Assert.Single(_scope.Simulator.Received.Shares);
        Assert.Equal(("s-1", "p@example.org", (string?)null, 3), (share.ShareId, share.Email, share.Phone, share.InstanceCount));
    }

    [Fact]
    public async Task Post_WrongToken_Is401()
    {
        var response = await SendAsync(JsonContent.Create(new { shareId = "s-2" }), "nope");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_scope.Simulator.Received.Shares);
    }

    [Fact]
    public async Task Post_NotJson_Is415()
    {
        var response = await SendAsync(new StringContent("shareId=s-3", Encoding.UTF8, "application/x-www-form-urlencoded"), _scope.Simulator.Options.Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"shareId":"s-4","studyInstanceUids":["2.25.1"],"instanceCount":1,"recipient":{}}""", "email or a phone")]
    [InlineData("""{"shareId":"s-5","studyInstanceUids":[],"instanceCount":1,"recipient":{"email":"a@b.c"}}""", "at least one study")]
    [InlineData("""{"studyInstanceUids":["2.25.1"],"recipient":{"email":"a@b.c"}}""", "shareId")]
    [InlineData("""{"shareId":""", "not valid JSON")]
    public async Task Post_IncompleteBody_Is400SayingWhatIsMissing(string json, string expected)
    {
        var response = await SendAsync(new StringContent(json, Encoding.UTF8, "application/json"), _scope.Simulator.Options.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(_scope.Simulator.Received.Shares);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContent content, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _scope.Simulator.ShareEndpoint) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_scope.Simulator.Options.Email}:{token}")));
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
