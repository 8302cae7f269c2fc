using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Trust;

namespace Uplink.Host.Commands.Plugins;

/// <summary>Prints the plugin report: one row per plugin, then why it is (not) active and why it has its status.</summary>
internal static class PluginsReportWriter
{
    /// <summary>Writes the report.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="states">The plugins.</param>
    public static void Write(TextWriter output, IReadOnlyList<PluginState> states)
    {
        output.WriteLine($"{"ID",-32} {"VERSION",-9} {"KINDS",-16} {"ACTIVE",-6} {"TRUSTED",-12} STATUS");
        foreach (var state in states)
        {
            var kinds = state.Kinds is null ? "?" : string.Join(",", state.Kinds);
            output.WriteLine($"{state.Id,-32} {state.Version ?? "?",-9} {kinds,-16} {(state.Active ? "yes" : "no"),-6} {Trust(state.Trust),-12} {state.Status}");
            output.WriteLine($"    {(state.Active ? "active" : "inactive")}: {state.ActiveReason}");
            if (state.Reason is not null)
            {
                output.WriteLine($"    {state.Status}: {state.Reason}");
            }
        }
    }

    private static string Trust(TrustDecision? decision) => decision switch
    {
        null => "-",
        { Source: TrustSource.Bundled } => "yes, bundled",
        { Source: TrustSource.Admin } => "yes, admin",
        { Tampered: true } => "no, changed",
        _ => "no",
    };
}
