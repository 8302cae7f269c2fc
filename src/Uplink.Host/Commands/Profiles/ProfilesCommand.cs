namespace Uplink.Host.Commands.Profiles;

/// <summary><c>uplink profiles [--plugins DIR] [--config FILE]</c>: lists the anonymization profiles the trusted profile plugins provide.</summary>
internal sealed class ProfilesCommand(ProfileCatalog catalog, ConsoleOutput console) : ICommand
{
    /// <inheritdoc />
    public string Name => "profiles";

    /// <inheritdoc />
    public string Summary => "Lists the anonymization profiles.";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var rest = ProfileShowCommand.TakePluginOptions(args, out var plugins, out var config);
        if (rest.Count > 0)
        {
            await console.Error.WriteLineAsync($"uplink profiles: unexpected argument '{rest[0]}'. Usage: uplink profiles [--plugins DIR] [--config FILE]").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var profiles = catalog.Load(plugins, config, console.Error);
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
