using System.Text;
using Uplink.Core.Shares.Administration;

namespace Uplink.Host.Hosting.Admin;

/// <summary>The overview's newest shares: time, counts and state, the exam only as a keyed hash, no contact and no names.</summary>
internal static class SharesSection
{
    /// <summary>Renders the section.</summary>
    /// <param name="shares">The shares, newest first.</param>
    /// <returns>The HTML.</returns>
    public static string Render(IReadOnlyList<ShareSummary> shares)
    {
        if (shares.Count == 0)
        {
            return """<section aria-labelledby="shares"><h2 id="shares">Shares</h2><p>No share has arrived yet.</p></section>""";
        }

        var rows = new StringBuilder();
        foreach (var share in shares)
        {
            var byState = string.Join(", ", share.ImagesByState.Select(s => $"{s.Key} {s.Value}"));
            rows.Append($"""
                <tr><th scope="row"><a href="{AdminHtml.E(ShareDetailPage.Path(share.ShareId))}">{AdminHtml.E(share.ShareId)}</a></th><td>{AdminHtml.E(AdminFormat.Time(share.CreatedAt.ToUnixTimeMilliseconds()))}</td>
                <td>{AdminHtml.State(share.State)}</td><td class="num">{AdminHtml.E(share.ImageCount)}</td><td>{AdminHtml.E(byState)}</td><td class="hash">{AdminHtml.E(share.ExamIdHash)}</td><td>{AdminHtml.E(share.Reason ?? "–")}</td></tr>

                """);
        }

        return $"""
            <section aria-labelledby="shares"><h2 id="shares">Shares</h2>
            <table><caption>The {shares.Count} newest shares; exam ids are keyed hashes</caption>
            <thead><tr><th scope="col">Share</th><th scope="col">Recorded</th><th scope="col">State</th><th scope="col">Images</th><th scope="col">Images by state</th><th scope="col">Exam (hash)</th><th scope="col">Reason</th></tr></thead>
            <tbody>
            {rows}</tbody></table></section>
            """;
    }
}
