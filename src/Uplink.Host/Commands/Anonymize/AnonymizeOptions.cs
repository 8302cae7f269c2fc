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
    int Jobs);
