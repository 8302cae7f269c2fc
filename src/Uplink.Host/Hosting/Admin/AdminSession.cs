namespace Uplink.Host.Hosting.Admin;

/// <summary>A signed-in admin's session on the admin page, held in memory only.</summary>
/// <param name="Id">The random id the session cookie carries.</param>
/// <param name="CsrfToken">The synchronizer token every form of this session posts back.</param>
/// <param name="StartedAt">When the admin signed in; the session ends <see cref="AdminSessions.MaxLifetime"/> later whatever happens.</param>
/// <param name="ExpiresAt">When it ends unless used again.</param>
internal sealed record AdminSession(string Id, string CsrfToken, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt);
