using System.Text;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Trust;

namespace Uplink.Host.Hosting.Admin;

/// <summary>The overview's plugin table: what <c>uplink plugins</c> shows, one row per plugin found.</summary>
internal static class PluginsSection
{
    /// <summary>Renders the section.</summary>
    /// <param name="plugins">The plugins.</param>
    /// <returns>The HTML.</returns>
    public static string Render(IReadOnlyList<PluginState> plugins)
    {
        var rows = new StringBuilder();
        foreach (var plugin in plugins)
        {
            var kinds = plugin.Kinds is null ? "?" : string.Join(", ", plugin.Kinds);
            rows.Append($"""
                <tr><th scope="row">{AdminHtml.E(plugin.Id)}</th><td>{AdminHtml.E(plugin.Version ?? "?")}</td><td>{AdminHtml.E(kinds)}</td>
                <td>{(plugin.Active ? "yes" : "no")}</td><td>{AdminHtml.E(Trust(plugin.Trust))}</td><td>{AdminHtml.State(plugin.Status.ToString())}</td>
                <td>{AdminHtml.E(plugin.Reason ?? plugin.ActiveReason)}</td></tr>

                """);
        }

        return $"""
            <section aria-labelledby="plugins"><h2 id="plugins">Plugins</h2>
            <table><caption>{plugins.Count} plugin(s) found; refused ones say why</caption>
            <thead><tr><th scope="col">Plugin</th><th scope="col">Version</th><th scope="col">Kinds</th><th scope="col">Active</th><th scope="col">Trust</th><th scope="col">State</th><th scope="col">Reason</th></tr></thead>
            <tbody>
            {rows}</tbody></table></section>
            """;
    }

    private static string Trust(TrustDecision? decision) => decision switch
    {
        null => "not checked",
        { Source: TrustSource.Bundled } => "bundled",
        { Source: TrustSource.Admin } => "approved by an admin",
        { Tampered: true } => "changed since trusted",
        _ => "not trusted",
    };
}
