namespace Uplink.Core.Plugins;

/// <summary>Which plugins the active configuration selects, and why.</summary>
/// <param name="ExpertCode">The expert code that made the selection.</param>
/// <param name="Profile">The anonymization profile id.</param>
/// <param name="ProfilePlugin">The plugin that provides the profile.</param>
/// <param name="Inputs">The active input plugins, in order.</param>
/// <param name="Outputs">The active output plugins, in order.</param>
public sealed record PluginSelection(
    string ExpertCode,
    string Profile,
    string ProfilePlugin,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs)
{
    /// <summary>Plugins a verb asks for beyond the expert code's roles (for example every profile plugin, for <c>uplink profiles</c>).</summary>
    public IReadOnlyList<string> Requested { get; init; } = [];

    /// <summary>Every selected plugin id, without repeats, inputs first (an empty profile plugin selects none).</summary>
    internal IReadOnlyList<string> ActiveIds =>
        [.. Inputs.Append(ProfilePlugin).Concat(Outputs).Concat(Requested).Where(id => id.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Whether a plugin is selected.</summary>
    /// <param name="pluginId">The plugin id.</param>
    /// <returns>True when selected.</returns>
    internal bool IsActive(string pluginId) => ActiveIds.Contains(pluginId, StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a plugin is or is not selected, for <c>uplink plugins</c>.</summary>
    /// <param name="pluginId">The plugin id.</param>
    /// <returns>For example <c>input of expert code Anon-LPU-O</c>.</returns>
    internal string Why(string pluginId)
    {
        var roles = new List<string>();
        if (Inputs.Contains(pluginId, StringComparer.OrdinalIgnoreCase))
        {
            roles.Add("input");
        }

        if (string.Equals(ProfilePlugin, pluginId, StringComparison.OrdinalIgnoreCase))
        {
            roles.Add($"profile {Profile}");
        }

        if (Outputs.Contains(pluginId, StringComparer.OrdinalIgnoreCase))
        {
            roles.Add("output");
        }

        if (Requested.Contains(pluginId, StringComparer.OrdinalIgnoreCase))
        {
            roles.Add("requested");
        }

        return roles.Count == 0
            ? $"not selected by expert code {ExpertCode}"
            : $"{string.Join(" + ", roles)} of expert code {ExpertCode}";
    }
}
