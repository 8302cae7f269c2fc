using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Uplink.Host.Hosting.Admin;

/// <summary>
/// The admin page's sessions: random ids kept in this process only, so a restart signs every admin out and
/// nothing about a session is ever written to disk. A session ends after <see cref="IdleTimeout"/> without use,
/// and <see cref="MaxLifetime"/> after sign-in in any case. Each session can carry one message for its next page.
/// </summary>
/// <param name="time">The clock.</param>
internal sealed class AdminSessions(TimeProvider time)
{
    /// <summary>The cookie that carries the session id.</summary>
    public const string CookieName = "uplink-admin-session";

    /// <summary>How long a session lives without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How long a session lives at most (the cookie's lifetime too).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, AdminSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _notices = new(StringComparer.Ordinal);

    /// <summary>Starts a session after a successful sign-in.</summary>
    /// <returns>The new session.</returns>
    public AdminSession Start()
    {
        var now = time.GetUtcNow();
        foreach (var stale in _sessions.Values.Where(s => !IsLive(s, now)))
        {
            End(stale.Id);
        }

        var session = new AdminSession(RandomToken(), RandomToken(), now, now + IdleTimeout);
        _sessions[session.Id] = session;
        return session;
    }

    /// <summary>Finds the live session a request's cookie names, and extends it.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The session, or null when there is none or it has expired.</returns>
    public AdminSession? Find(HttpRequest request)
    {
        var id = request.Cookies[CookieName];
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!IsLive(session, now))
        {
            End(id);
            return null;
        }

        var extended = session with { ExpiresAt = now + IdleTimeout };
        _sessions.TryUpdate(id, extended, session);
        return extended;
    }

    /// <summary>Ends a session (sign-out).</summary>
    /// <param name="id">The session id.</param>
    public void End(string id)
    {
        _sessions.TryRemove(id, out _);
        _notices.TryRemove(id, out _);
    }

    /// <summary>Keeps a message for the session's next page (what an action did).</summary>
    /// <param name="session">The session.</param>
    /// <param name="notice">The message.</param>
    public void Tell(AdminSession session, string notice) => _notices[session.Id] = notice;

    /// <summary>Takes the session's message, if any.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The message, or null.</returns>
    public string? TakeNotice(AdminSession session) => _notices.TryRemove(session.Id, out var notice) ? notice : null;

    private static bool IsLive(AdminSession session, DateTimeOffset now) => session.ExpiresAt > now && session.StartedAt + MaxLifetime > now;

    private static string RandomToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
