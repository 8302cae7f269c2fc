using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Shares.Administration;
using Uplink.Core.Shares.Store;
using Uplink.Core.Site;
using Uplink.Host.Hosting.Health;

namespace Uplink.Host.Hosting.Admin;

/// <summary>
/// The admin page on the admin listener: sign-in with the admin key from <c>uplink setup</c> (a session cookie
/// after it), the overview, a page per share, and sign-out (the actions are <see cref="AdminActions"/>). Server-rendered HTML that works without script. Every page shows ids,
/// states, counts, times and reasons only: no contact, no names, no image ids, and exam ids keyed-hashed.
/// </summary>
/// <param name="plugins">Every plugin's state.</param>
/// <param name="administration">The shares and the admin audit log.</param>
/// <param name="health">The store's health reader (status counts and the oldest waiting image).</param>
/// <param name="uplink">The host options (the data folder, for the keys).</param>
/// <param name="sessions">The signed-in sessions.</param>
/// <param name="throttle">Slows down guessing the key.</param>
/// <param name="time">The clock.</param>
internal sealed class AdminPage(
    PluginStates plugins,
    ShareAdministration administration,
    StoreHealthReader health,
    IOptions<UplinkOptions> uplink,
    AdminSessions sessions,
    SignInThrottle throttle,
    TimeProvider time)
{
    /// <summary>The overview's address.</summary>
    public const string OverviewPath = "/admin";

    /// <summary>The sign-in form's address.</summary>
    public const string SignInPath = "/admin/sign-in";

    private const string SignOutPath = "/admin/sign-out";
    private const int SharesShown = 50;
    private const int AuditShown = 50;

    /// <summary>Adds the page's endpoints to the admin listener.</summary>
    /// <param name="endpoints">The listener's routes.</param>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", context => Redirect(context, OverviewPath));
        endpoints.MapGet(OverviewPath, OverviewAsync);
        endpoints.MapGet(SignInPath, context => AdminHtml.WriteAsync(context, StatusCodes.Status200OK, SignInPage.Title, SignInPage.Render(null), null));
        endpoints.MapPost(SignInPath, SignInAsync);
        endpoints.MapPost(SignOutPath, SignOutAsync);
        endpoints.MapGet(ShareDetailPage.Route, ShareAsync);
    }

    /// <summary>Answers a request that needs a session but has none: back to the sign-in form.</summary>
    /// <param name="context">The request.</param>
    /// <returns>When answered.</returns>
    public static Task SignInFirst(HttpContext context) => HttpMethods.IsGet(context.Request.Method)
        ? Redirect(context, SignInPath)
        : AdminHtml.WriteAsync(context, StatusCodes.Status401Unauthorized, SignInPage.Title, SignInPage.Render("You are not signed in, or your session has ended: sign in again, then repeat what you did."), null);

    /// <summary>Answers a form post that failed the cross-site checks.</summary>
    /// <param name="context">The request.</param>
    /// <param name="session">The session, or null before sign-in.</param>
    /// <returns>When answered.</returns>
    public static Task Forbidden(HttpContext context, AdminSession? session) => AdminHtml.WriteAsync(
        context,
        StatusCodes.Status403Forbidden,
        "Refused",
        $"""<p class="message" role="alert">This form was refused: it did not come from this admin page (its token is missing or wrong, or the browser says it was sent from another site). Nothing was changed. Open the <a href="{(session is null ? SignInPath : OverviewPath)}">admin page</a> again and repeat it there.</p>""",
        session);

    /// <summary>Answers 303 See Other.</summary>
    /// <param name="context">The request.</param>
    /// <param name="path">Where to.</param>
    /// <returns>When answered.</returns>
    public static Task Redirect(HttpContext context, string path)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = path;
        context.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }

    /// <summary>The site's UID key, which exam ids are hashed with, or null when the secrets are missing.</summary>
    /// <returns>The key, or null.</returns>
    public byte[]? HashKey()
    {
        try
        {
            return SiteFolder.ReadUidKey(uplink.Value.DataDirectory);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private async Task OverviewAsync(HttpContext context)
    {
        if (sessions.Find(context.Request) is not { } session)
        {
            await SignInFirst(context).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        StoreStatus? store = null;
        long? oldest = null;
        IReadOnlyList<ShareSummary>? shares = null;
        IReadOnlyList<AdminAuditEntry>? audit = null;
        if (HashKey() is { } key)
        {
            try
            {
                store = health.Status(now, key);
                oldest = health.OldestWaitingImageSince();
                shares = administration.ListShares(SharesShown);
                audit = administration.ReadAudit(AuditShown);
            }
            catch (SqliteException)
            {
                // Shown as "cannot be read"; the pipeline logs the store's own errors.
            }
        }

        var overview = new AdminOverview(now, plugins.All, store, oldest);
        var notice = sessions.TakeNotice(session) is { } text ? $"""<p class="notice" role="status">{AdminHtml.E(text)}</p>""" : string.Empty;
        var main = string.Concat(
            notice,
            $"""<p class="muted">Read at {AdminHtml.E(AdminFormat.Time(now))}. Reload the page for newer figures.</p>""",
            PluginsSection.Render(overview.Plugins),
            QueueSection.Render(overview),
            ProblemsSection.Render(store?.Problems ?? [], session),
            SharesSection.Render(shares ?? []),
            AuditSection.Render(audit ?? []));
        await AdminHtml.WriteAsync(context, StatusCodes.Status200OK, "Overview", main, session).ConfigureAwait(false);
    }

    private async Task ShareAsync(HttpContext context)
    {
        if (sessions.Find(context.Request) is not { } session)
        {
            await SignInFirst(context).ConfigureAwait(false);
            return;
        }

        var shareId = context.Request.RouteValues["shareId"] as string ?? string.Empty;
        ShareDetail? detail;
        try
        {
            detail = administration.ShowShare(shareId);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            await AdminHtml.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ShareDetailPage.Title(shareId),
                $"""<p class="message" role="alert">The share store cannot be read now ({AdminHtml.E(ex.GetType().Name)}); see the host's log.</p>""", session).ConfigureAwait(false);
            return;
        }

        if (detail is null)
        {
            await AdminHtml.WriteAsync(context, StatusCodes.Status404NotFound, ShareDetailPage.Title(shareId),
                $"""<p class="message" role="alert">There is no share with this id.</p><p><a href="{OverviewPath}">Back to the overview</a></p>""", session).ConfigureAwait(false);
            return;
        }

        await AdminHtml.WriteAsync(context, StatusCodes.Status200OK, ShareDetailPage.Title(shareId), ShareDetailPage.Render(detail, session, sessions.TakeNotice(session)), session).ConfigureAwait(false);
    }

    private async Task SignInAsync(HttpContext context)
    {
        if (!AdminCsrf.IsSameOrigin(context.Request))
        {
            await Forbidden(context, null).ConfigureAwait(false);
            return;
        }

        var wait = throttle.Wait();
        if (wait > TimeSpan.Zero)
        {
            var seconds = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.RetryAfter = seconds;
            await AdminHtml.WriteAsync(context, StatusCodes.Status429TooManyRequests, SignInPage.Title,
                SignInPage.Render($"Too many wrong admin keys in a row. Wait {seconds} s, then try again."), null).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var expected = SiteFolder.ReadAdminKey(uplink.Value.DataDirectory);
        if (expected is null)
        {
            await AdminHtml.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, SignInPage.Title,
                SignInPage.Render("This site has no admin key yet: run 'uplink setup' on this machine to create it, then sign in with it."), null).ConfigureAwait(false);
            return;
        }

        if (!AdminCredential.Matches("Bearer " + form[SignInPage.KeyField], expected))
        {
            throttle.Failed();
            await AdminHtml.WriteAsync(context, StatusCodes.Status401Unauthorized, SignInPage.Title,
                SignInPage.Render("That is not this site's admin key. Copy it again from secrets/admin.key in the data folder (not the ViewPoint API key) and try again."), null).ConfigureAwait(false);
            return;
        }

        throttle.Succeeded();
        var session = sessions.Start();
        context.Response.Cookies.Append(AdminSessions.CookieName, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Secure = context.Request.IsHttps,
            MaxAge = AdminSessions.MaxLifetime,
            IsEssential = true,
        });
        await Redirect(context, OverviewPath).ConfigureAwait(false);
    }

    private async Task SignOutAsync(HttpContext context)
    {
        if (sessions.Find(context.Request) is not { } session)
        {
            await Redirect(context, SignInPath).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (!AdminCsrf.Accepts(context.Request, form, session))
        {
            await Forbidden(context, session).ConfigureAwait(false);
            return;
        }

        sessions.End(session.Id);
        context.Response.Cookies.Delete(AdminSessions.CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict });
        await Redirect(context, SignInPath).ConfigureAwait(false);
    }
}
