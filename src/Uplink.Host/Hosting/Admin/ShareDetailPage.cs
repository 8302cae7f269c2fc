using System.Text;
using Uplink.Core.Shares.Administration;

namespace Uplink.Host.Hosting.Admin;

/// <summary>One share: its state and counts, and each image's state, reason, attempts, deliveries and last error, with the actions that apply.</summary>
internal static class ShareDetailPage
{
    /// <summary>The route of the page.</summary>
    public const string Route = "/admin/shares/{shareId}";

    /// <summary>The address of one share's page.</summary>
    /// <param name="shareId">The share.</param>
    /// <returns>The path.</returns>
    public static string Path(string shareId) => "/admin/shares/" + Uri.EscapeDataString(shareId);

    /// <summary>The page's title.</summary>
    /// <param name="shareId">The share.</param>
    /// <returns>The title.</returns>
    public static string Title(string shareId) => $"Share {shareId}";

    /// <summary>Renders the page.</summary>
    /// <param name="detail">The share.</param>
    /// <param name="session">The session, for the forms' token.</param>
    /// <param name="notice">What the last action did, or null.</param>
    /// <returns>The main content.</returns>
    public static string Render(ShareDetail detail, AdminSession session, string? notice)
    {
        var share = detail.Share;
        var rows = new StringBuilder();
        foreach (var image in detail.Images)
        {
            var delivered = string.Join("; ", image.Deliveries.Select(d => $"{d.OutputId} at {AdminFormat.Time(d.DeliveredAt.ToUnixTimeMilliseconds())}"));
            var error = image.LastError is { } e
                ? $"{e.Stage}{(e.OutputId is null ? string.Empty : $" to {e.OutputId}")}: {e.Outcome}{(e.Reason is null ? string.Empty : $", {e.Reason}")} at {AdminFormat.Time(e.At.ToUnixTimeMilliseconds())}"
                : "–";
            rows.Append($"""
                <tr><th scope="row">{AdminHtml.E(image.Position)}</th><td>{AdminHtml.State(image.State)}</td><td>{AdminHtml.E(image.Reason ?? "–")}</td><td class="num">{AdminHtml.E(image.Attempts)}</td>
                <td>{AdminHtml.E(delivered.Length == 0 ? "–" : delivered)}</td><td>{AdminHtml.E(error)}</td>
                <td>{ImageActions.Render(share.ShareId, image.Position, image.State, session, ImageActions.BackToShare)}</td></tr>

                """);
        }

        var retryShare = detail.Images.Any(i => i.State is "failed" or "set-aside")
            ? $"""
              <form method="post" action="{AdminActions.RetrySharePath}">{AdminHtml.TokenField(session)}<input type="hidden" name="share" value="{AdminHtml.E(share.ShareId)}"><input type="hidden" name="back" value="{ImageActions.BackToShare}">
              <button type="submit">Retry every failed and set-aside image of this share</button></form>
              """
            : string.Empty;
        var byState = string.Join(", ", share.ImagesByState.Select(s => $"{s.Key} {s.Value}"));
        return $"""
            {(notice is null ? string.Empty : $"""<p class="notice" role="status">{AdminHtml.E(notice)}</p>""")}
            <p><a href="{AdminPage.OverviewPath}">Back to the overview</a></p>
            <dl>
            <dt>State</dt><dd>{AdminHtml.State(share.State)}</dd>
            <dt>Reason</dt><dd>{AdminHtml.E(share.Reason ?? "–")}</dd>
            <dt>Recorded</dt><dd>{AdminHtml.E(AdminFormat.Time(share.CreatedAt.ToUnixTimeMilliseconds()))}</dd>
            <dt>Ended</dt><dd>{AdminHtml.E(AdminFormat.Time(share.CompletedAt?.ToUnixTimeMilliseconds()))}</dd>
            <dt>Exam (hash)</dt><dd class="hash">{AdminHtml.E(share.ExamIdHash)}</dd>
            <dt>Images</dt><dd>{AdminHtml.E(share.ImageCount)} ({AdminHtml.E(byState)})</dd>
            <dt>Handed off to</dt><dd>{AdminHtml.E(detail.HandedOffTo.Count == 0 ? "no output yet" : string.Join(", ", detail.HandedOffTo))}</dd>
            </dl>
            {retryShare}
            <section aria-labelledby="images"><h2 id="images">Images</h2>
            <table><caption>Each image by its position in the share, from 0</caption>
            <thead><tr><th scope="col">Image</th><th scope="col">State</th><th scope="col">Reason</th><th scope="col">Attempts</th><th scope="col">Delivered to</th><th scope="col">Last error</th><th scope="col">Actions</th></tr></thead>
            <tbody>
            {rows}</tbody></table></section>
            """;
    }
}
