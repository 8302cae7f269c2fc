using System.CommandLine;

namespace Uplink.Host.Commands.Profiles;

/// <summary><c>uplink profiles [--plugins DIR] [--config FILE]</c>: lists the anonymization profiles the trusted profile plugins provide.</summary>
internal sealed class ProfilesCommand(ProfileCatalog catalog, ConsoleOutput console) : ICommand
{
    private readonly Option<string> _plugins = CommonOptions.Plugins();
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "profiles";

    /// <inheritdoc />
    public string Summary => "Lists the anonymization profiles.";

    /// <inheritdoc />
    public string Failure => "no profile is available (each refused plugin is named), or --config names no file";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_plugins, _config];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        using var profiles = catalog.Load(parsed.GetValue(_plugins), parsed.GetValue(_config), console.Error);
        if (profiles is null)
        {
            return ExitCodes.Failed;
        }

        foreach (var profile in profiles.All.OrderBy(p => p.Descriptor.Id, StringComparer.Ordinal))
        {
            var d = profile.Descriptor;
            await console.Out.WriteLineAsync($"{d.Id,-45} {d.Version,-9} non-DICOM: {d.NonDicom,-21} {d.Description}").ConfigureAwait(false);
        }

        return profiles.All.Count > 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
