using System.Text;
using Uplink.Core.Shares.Store;

namespace Uplink.Host.Hosting.Admin;

/// <summary>The overview's set-aside and failed images with their reasons, each with the actions that apply to it.</summary>
internal static class ProblemsSection
{
    /// <summary>Renders the section.</summary>
    /// <param name="problems">The images, newest first.</param>
    /// <param name="session">The session, for the forms' token.</param>
    /// <returns>The HTML.</returns>
    public static string Render(IReadOnlyList<ProblemImage> problems, AdminSession session)
    {
        if (problems.Count == 0)
        {
            return """<section aria-labelledby="problems"><h2 id="problems">Set-aside and failed images</h2><p>No image is set aside or failed.</p></section>""";
        }

        var rows = new StringBuilder();
        foreach (var problem in problems)
        {
            rows.Append($"""
                <tr><th scope="row"><a href="{AdminHtml.E(ShareDetailPage.Path(problem.ShareId))}">{AdminHtml.E(problem.ShareId)}</a></th><td class="num">{AdminHtml.E(problem.Position)}</td>
                <td class="hash">{AdminHtml.E(problem.ExamIdHash)}</td><td>{AdminHtml.State(problem.State)}</td><td>{AdminHtml.E(problem.Reason ?? "no reason recorded")}</td>
                <td>{AdminHtml.E(AdminFormat.Time(problem.At))}</td><td>{ImageActions.Render(problem.ShareId, problem.Position, problem.State, session, ImageActions.BackToOverview)}</td></tr>

                """);
        }

        return $"""
            <section aria-labelledby="problems"><h2 id="problems">Set-aside and failed images</h2>
            <table><caption>The {problems.Count} most recent, newest first; exam ids are keyed hashes</caption>
            <thead><tr><th scope="col">Share</th><th scope="col">Image</th><th scope="col">Exam (hash)</th><th scope="col">State</th><th scope="col">Reason</th><th scope="col">Last attempt</th><th scope="col">Actions</th></tr></thead>
            <tbody>
            {rows}</tbody></table></section>
            """;
    }
}
