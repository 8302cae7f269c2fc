using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Uplink.Host.Hosting.Admin;

namespace Uplink.Host.Tests.Hosting.Admin;

public sealed class AdminCsrfTests
{
    private static readonly AdminSession Session = new("id", new string('a', 64), DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue);

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("same-origin", "http://127.0.0.1:7310", true)]
    [InlineData("cross-site", null, false)]
    [InlineData("same-site", null, false)]
    [InlineData(null, "http://evil.example", false)]
    [InlineData(null, "null", false)]
    [InlineData("same-origin", "http://127.0.0.1:7311", false)]
    public void A_post_is_taken_only_with_the_token_and_from_this_listener(string? fetchSite, string? origin, bool accepted)
    {
        var request = Request(fetchSite, origin);

        Assert.Equal(accepted, AdminCsrf.Accepts(request, Form(Session.CsrfToken), Session));
        Assert.False(AdminCsrf.Accepts(request, Form(null), Session));
        Assert.False(AdminCsrf.Accepts(request, Form(new string('b', 64)), Session));
        Assert.False(AdminCsrf.Accepts(request, Form("a"), Session));
    }

    private static HttpRequest Request(string? fetchSite, string? origin)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 7310);
        if (fetchSite is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        return context.Request;
    }

    private static FormCollection Form(string? token) =>
        new(token is null ? [] : new Dictionary<string, StringValues> { [AdminCsrf.FieldName] = token });
}
