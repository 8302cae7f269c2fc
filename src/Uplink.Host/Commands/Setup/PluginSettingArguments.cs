namespace Uplink.Host.Commands.Setup;

/// <summary>The <c>--setting PLUGIN:KEY=VALUE</c> arguments of <c>uplink setup</c>, by plugin id and key.</summary>
/// <param name="Values">The values, by plugin id, then key (both case-insensitive).</param>
/// <param name="Problem">What is wrong with an argument, or null.</param>
internal sealed record PluginSettingArguments(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values, string? Problem)
{
    /// <summary>Parses the arguments.</summary>
    /// <param name="arguments">Each <c>PLUGIN:KEY=VALUE</c>.</param>
    /// <returns>The values, or the first problem.</returns>
    public static PluginSettingArguments Parse(IEnumerable<string> arguments)
    {
        var values = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments)
        {
            var colon = argument.IndexOf(':', StringComparison.Ordinal);
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (colon <= 0 || equals <= colon + 1)
            {
                return new(new Dictionary<string, IReadOnlyDictionary<string, string>>(), $"--setting '{argument}' is not PLUGIN:KEY=VALUE (e.g. Uplink.Output.Tricefy:Email=clinic@example.org)");
            }

            var plugin = argument[..colon];
            if (!values.TryGetValue(plugin, out var settings))
            {
                values[plugin] = settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            settings[argument[(colon + 1)..equals]] = argument[(equals + 1)..].Trim();
        }

        return new(values.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.OrdinalIgnoreCase), null);
    }
}
