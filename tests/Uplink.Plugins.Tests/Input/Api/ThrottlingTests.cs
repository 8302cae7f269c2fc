using System.Net;

namespace Uplink.Plugins.Tests.Input.Api;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task After_too_many_wrong_keys_the_client_is_refused_even_with_the_right_key()
    {
        await using var api = new ViewPointApiFixture(badKeyLimit: 3);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await api.PostAsync(ViewPointApiFixture.Body("req-t"), key: $"guess-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var response = await api.PostAsync(ViewPointApiFixture.Body("req-t"));

        await ProblemAssert.IsAsync(response, HttpStatusCode.TooManyRequests, "too-many-bad-keys");
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }
}
