using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Uplink.Core.Shares.Administration;

namespace Uplink.Host.Hosting.Admin;

/// <summary>
/// The admin page's actions, each a form post: retry an image, retry a share, discard a set-aside image. Each needs
/// a session, its synchronizer token and a same-origin request, goes through <see cref="ShareAdministration"/>
/// (which records it, done or refused, in the admin audit log as done by <see cref="Actor"/>), and returns to the
/// page it came from with what it did.
/// </summary>
/// <param name="administration">The store's admin actions.</param>
/// <param name="sessions">The signed-in sessions.</param>
internal sealed class AdminActions(ShareAdministration administration, AdminSessions sessions)
{
    /// <summary>Who the audit log says acted.</summary>
    public const string Actor = "admin page";

    /// <summary>Where a retry-image form posts.</summary>
    public const string RetryImagePath = "/admin/images/retry";

    /// <summary>Where a discard-image form posts.</summary>
    public const string DiscardImagePath = "/admin/images/discard";

    /// <summary>Where a retry-share form posts.</summary>
    public const string RetrySharePath = "/admin/shares/retry";

    /// <summary>Adds the actions' endpoints to the admin listener.</summary>
    /// <param name="endpoints">The listener's routes.</param>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(RetryImagePath, context => RunAsync(context, (share, position) => administration.RetryImage(share, position!.Value, Actor), needsImage: true));
        endpoints.MapPost(DiscardImagePath, context => RunAsync(context, (share, position) => administration.DiscardImage(share, position!.Value, Actor), needsImage: true));
        endpoints.MapPost(RetrySharePath, context => RunAsync(context, (share, _) => administration.RetryShare(share, Actor), needsImage: false));
    }

    private async Task RunAsync(HttpContext context, Func<string, int?, AdminActionResult> action, bool needsImage)
    {
        if (sessions.Find(context.Request) is not { } session)
        {
            await AdminPage.SignInFirst(context).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (!AdminCsrf.Accepts(context.Request, form, session))
        {
            await AdminPage.Forbidden(context, session).ConfigureAwait(false);
            return;
        }

        var shareId = form["share"].ToString();
        int? position = int.TryParse(form["position"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        if (shareId.Length == 0 || (needsImage && position is null))
        {
            await AdminHtml.WriteAsync(context, StatusCodes.Status400BadRequest, "Refused",
                """<p class="message" role="alert">The form names no share, or no image position (a whole number from 0). Nothing was changed.</p>""", session).ConfigureAwait(false);
            return;
        }

        AdminActionResult result;
        try
        {
            result = action(shareId, position);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            await AdminHtml.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Not done",
                $"""<p class="message" role="alert">The share store cannot be changed now ({AdminHtml.E(ex.GetType().Name)}); nothing was changed. See the host's log.</p>""", session).ConfigureAwait(false);
            return;
        }

        sessions.Tell(session, result.Message);
        await AdminPage.Redirect(context, form["back"] == ImageActions.BackToShare ? ShareDetailPage.Path(shareId) : AdminPage.OverviewPath).ConfigureAwait(false);
    }
}
