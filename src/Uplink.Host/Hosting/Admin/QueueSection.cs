using System.Text;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Host.Hosting.Admin;

/// <summary>The overview's queue: images and shares by state with the age of the oldest, and the last hour's throughput.</summary>
internal static class QueueSection
{
    /// <summary>Renders the section.</summary>
    /// <param name="overview">The figures.</param>
    /// <returns>The HTML.</returns>
    public static string Render(AdminOverview overview)
    {
        if (overview.Store is not { } store)
        {
            return """<section aria-labelledby="queue"><h2 id="queue">Queue</h2><p class="message" role="alert">The share store cannot be read now; see the host's log.</p></section>""";
        }

        var counts = store.Images.ToDictionary(c => c.State, StringComparer.Ordinal);
        var rows = new StringBuilder();
        foreach (var state in Enum.GetValues<ImageState>())
        {
            var name = StateNames.Of(state);
            var count = counts.GetValueOrDefault(name);
            var age = StoreStatus.IsUnfinished(state) ? AdminFormat.Age(count?.OldestSince, overview.Now) : string.Empty;
            rows.Append($"""<tr><th scope="row">{AdminHtml.State(name)}</th><td class="num">{AdminHtml.E(count?.Count ?? 0)}</td><td>{AdminHtml.E(age)}</td></tr>""").Append('\n');
        }

        var shares = string.Join(", ", store.Shares.Select(c => $"{AdminHtml.E(c.State)} {AdminHtml.E(c.Count)}").DefaultIfEmpty("none yet"));
        return $"""
            <section aria-labelledby="queue"><h2 id="queue">Queue</h2>
            <dl>
            <dt>Oldest image on its way</dt><dd id="oldest-waiting">{(overview.OldestWaitingSince is null ? "none is waiting" : $"waiting for {AdminHtml.E(AdminFormat.Age(overview.OldestWaitingSince, overview.Now))}")}</dd>
            <dt>Shares by state</dt><dd>{shares}</dd>
            </dl>
            <table><caption>Images by state (age of the oldest share still holding one, for the states still on their way)</caption>
            <thead><tr><th scope="col">State</th><th scope="col">Images</th><th scope="col">Oldest waiting for</th></tr></thead>
            <tbody>
            {rows}</tbody></table>
            </section>
            <section aria-labelledby="last-hour"><h2 id="last-hour">Last hour</h2>
            <dl>
            <dt>Shares received</dt><dd>{AdminHtml.E(store.LastHour.SharesReceived)}</dd>
            <dt>Shares completed</dt><dd>{AdminHtml.E(store.LastHour.SharesCompleted)}</dd>
            <dt>Images sent</dt><dd>{AdminHtml.E(store.LastHour.ImagesSent)}</dd>
            </dl></section>
            """;
    }
}
