using System.Text;
using Uplink.Core.Shares.Administration;

namespace Uplink.Host.Hosting.Admin;

/// <summary>The overview's admin audit log: who did what to which share and image, when, and how it ended.</summary>
internal static class AuditSection
{
    /// <summary>Renders the section.</summary>
    /// <param name="entries">The entries, newest first.</param>
    /// <returns>The HTML.</returns>
    public static string Render(IReadOnlyList<AdminAuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return """<section aria-labelledby="audit"><h2 id="audit">Admin audit log</h2><p>No admin has acted yet.</p></section>""";
        }

        var rows = new StringBuilder();
        foreach (var entry in entries)
        {
            rows.Append($"""
                <tr><th scope="row">{AdminHtml.E(AdminFormat.Time(entry.At.ToUnixTimeMilliseconds()))}</th><td>{AdminHtml.E(entry.Actor)}</td><td>{AdminHtml.E(entry.Action)}</td>
                <td>{AdminHtml.E(entry.ShareId ?? "–")}</td><td>{AdminHtml.E(entry.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–")}</td><td>{AdminHtml.E(entry.Outcome)}</td><td>{AdminHtml.E(entry.Detail)}</td></tr>

                """);
        }

        return $"""
            <section aria-labelledby="audit"><h2 id="audit">Admin audit log</h2>
            <table><caption>The {entries.Count} latest actions, newest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Share</th><th scope="col">Image</th><th scope="col">Outcome</th><th scope="col">Detail</th></tr></thead>
            <tbody>
            {rows}</tbody></table></section>
            """;
    }
}
