using System.CommandLine;
using Uplink.Core.Anonymization.Documentation;

namespace Uplink.Host.Commands.Profiles;

/// <summary><c>uplink profile show NAME [--plugins DIR] [--config FILE]</c>: prints the table of all the removed and anonymized data of a profile.</summary>
internal sealed class ProfileShowCommand(ProfileCatalog catalog, ConsoleOutput console) : ICommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The profile's id, as 'uplink profiles' lists it." };
    private readonly Option<string> _plugins = CommonOptions.Plugins();
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "profile show";

    /// <inheritdoc />
    public string Summary => "Prints a profile's table of removed and anonymized data.";

    /// <inheritdoc />
    public string Failure => "the profile plugins could not be loaded (--config names no file)";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_name, _plugins, _config];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        using var profiles = catalog.Load(parsed.GetValue(_plugins), parsed.GetValue(_config), console.Error);
        if (profiles is null)
        {
            return ExitCodes.Failed;
        }

        var name = parsed.GetRequiredValue(_name);
        var profile = profiles.Find(name);
        if (profile is null)
        {
            await console.Error.WriteLineAsync($"uplink profile show: no profile '{name}'. Profiles: {profiles.Ids}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await console.Out.WriteAsync(ProfileTable.Render(profile.Descriptor)).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
