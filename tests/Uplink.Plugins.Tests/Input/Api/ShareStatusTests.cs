using System.Net;
using System.Text.Json;

namespace Uplink.Plugins.Tests.Input.Api;

public sealed class ShareStatusTests(ViewPointApiFixture api) : IClassFixture<ViewPointApiFixture>
{
    [Fact]
    public async Task The_status_lists_each_image_and_carries_no_contact()
    {
        using var created = await api.PostAsync(ViewPointApiFixture.Body("req-status"));
        var shareId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("shareId").GetString();

        using var response = await api.GetAsync($"/api/v1/shares/{shareId}");

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = JsonDocument.Parse(text).RootElement;
        Assert.Equal(shareId, status.GetProperty("shareId").GetString());
        Assert.Equal("queued", status.GetProperty("status").GetString());
        Assert.Equal(["img-1:queued", "img-2:queued"], status.GetProperty("images").EnumerateArray().Select(i => $"{i.GetProperty("imageId").GetString()}:{i.GetProperty("status").GetString()}"));
        Assert.DoesNotContain("example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("123 45 67", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_share_is_answered_404()
    {
        using var response = await api.GetAsync("/api/v1/shares/0000");

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "unknown-share");
    }

    [Fact]
    public async Task The_status_needs_the_key_too()
    {
        using var response = await api.GetAsync("/api/v1/shares/0000", key: null);

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "missing-api-key");
    }
}
