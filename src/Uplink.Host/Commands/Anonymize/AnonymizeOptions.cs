namespace Uplink.Host.Commands.Anonymize;

/// <summary>The command line of <c>uplink anonymize</c>.</summary>
/// <param name="Profile">The profile id.</param>
/// <param name="OutputFolder">Where anonymized files go.</param>
/// <param name="Inputs">Files or folders (recursive).</param>
/// <param name="ReportPath">The JSON report; by default beside the output folder (never inside it: it names input files).</param>
/// <param name="UidKeyPath">A file holding the site's UID key; without it a key is made for this run only.</param>
/// <param name="PluginsFolder">Where profile plugins are loaded from, or null for the configuration's (or the default) folder.</param>
/// <param name="ConfigPath">The configuration whose data folder holds the admin's plugin approvals, or null.</param>
/// <param name="Jobs">How many files are processed at once.</param>
internal sealed record AnonymizeOptions(
    string Profile,
    string OutputFolder,
    IReadOnlyList<string> Inputs,
    string ReportPath,
    string? UidKeyPath,
    string? PluginsFolder,
    string? ConfigPath,
    int Jobs)
{
    /// <summary>The usage line.</summary>
    public const string Usage = "Usage: uplink anonymize --profile NAME --out DIR [--report FILE] [--uid-key FILE] [--jobs N] [--plugins DIR] [--config FILE] INPUT...";

    /// <summary>Parses the arguments after the verb.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="error">What is wrong, when the result is null.</param>
    /// <returns>The options, or null.</returns>
    public static AnonymizeOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var inputs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--profile" or "--out" or "--report" or "--uid-key" or "--jobs" or "--plugins" or "--config")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{args[i]} needs a value.";
                    return null;
                }

                values[args[i]] = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unknown option '{args[i]}'.";
                return null;
            }
            else
            {
                inputs.Add(args[i]);
            }
        }

        error = !values.ContainsKey("--profile") ? "--profile NAME is required."
            : !values.ContainsKey("--out") ? "--out DIR is required."
            : inputs.Count == 0 ? "give at least one input file or folder."
            : values.TryGetValue("--jobs", out var j) && (!int.TryParse(j, out var n) || n < 1) ? $"--jobs must be a positive number, not '{j}'."
            : null;
        if (error is not null)
        {
            return null;
        }

        var output = Path.GetFullPath(values["--out"]);
        var jobs = values.TryGetValue("--jobs", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        return new AnonymizeOptions(
            values["--profile"],
            output,
            inputs,
            values.GetValueOrDefault("--report") ?? output.TrimEnd(Path.DirectorySeparatorChar) + ".report.json",
            values.GetValueOrDefault("--uid-key"),
            values.GetValueOrDefault("--plugins"),
            values.GetValueOrDefault("--config"),
            jobs);
    }
}
