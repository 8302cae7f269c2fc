using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Uplink.Host.Hosting.Admin;

namespace Uplink.Host.Tests.Hosting.Admin;

public sealed class AdminSessionsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_session_is_found_by_its_cookie_with_its_own_random_token_and_not_after_sign_out()
    {
        var sessions = new AdminSessions(_time);
        var one = sessions.Start();
        var two = sessions.Start();

        var found = sessions.Find(RequestWith(one.Id));
        sessions.End(one.Id);

        Assert.Equal(one.CsrfToken, found?.CsrfToken);
        Assert.NotEqual(one.Id, two.Id);
        Assert.NotEqual(one.CsrfToken, two.CsrfToken);
        Assert.Equal(64, one.Id.Length);
        Assert.Null(sessions.Find(RequestWith(one.Id)));
        Assert.NotNull(sessions.Find(RequestWith(two.Id)));
        Assert.Null(sessions.Find(RequestWith("made-up")));
        Assert.Null(sessions.Find(new DefaultHttpContext().Request));
    }

    [Fact]
    public void A_session_ends_after_half_an_hour_unused_but_lives_on_while_used_up_to_eight_hours()
    {
        var sessions = new AdminSessions(_time);
        var idle = sessions.Start();
        var busy = sessions.Start();

        var lastUse = TimeSpan.Zero;
        while (lastUse < AdminSessions.MaxLifetime - TimeSpan.FromMinutes(20))
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            lastUse += TimeSpan.FromMinutes(20);
            Assert.NotNull(sessions.Find(RequestWith(busy.Id)));
        }

        _time.Advance(TimeSpan.FromMinutes(20));

        Assert.Null(sessions.Find(RequestWith(idle.Id)));
        Assert.Null(sessions.Find(RequestWith(busy.Id)));
    }

    [Fact]
    public void A_notice_is_shown_once()
    {
        var sessions = new AdminSessions(_time);
        var session = sessions.Start();
        sessions.Tell(session, "image 3 of share s is queued again");

        Assert.Equal("image 3 of share s is queued again", sessions.TakeNotice(session));
        Assert.Null(sessions.TakeNotice(session));
    }

    private static HttpRequest RequestWith(string sessionId)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{AdminSessions.CookieName}={sessionId}";
        return context.Request;
    }
}
