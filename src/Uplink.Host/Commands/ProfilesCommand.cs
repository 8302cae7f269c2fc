namespace Uplink.Host.Commands;

/// <summary><c>uplink profiles [--plugins DIR]</c>: lists the anonymization profiles the profile plugins provide.</summary>
internal sealed class ProfilesCommand(TimeProvider time, ConsoleOutput console) : ICommand
{
    /// <inheritdoc />
    public string Name => "profiles";

    /// <inheritdoc />
    public string Summary => "Lists the anonymization profiles.";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var folder = ProfileShowCommand.PluginsFolder(args, out var rest);
        if (rest.Count > 0)
        {
            await console.Error.WriteLineAsync($"uplink profiles: unexpected argument '{rest[0]}'. Usage: uplink profiles [--plugins DIR]").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var profiles = new ProfilesLoader(time).Load(folder, console.Error);
        foreach (var profile in profiles.OrderBy(p => p.Descriptor.Id, StringComparer.Ordinal))
        {
            var d = profile.Descriptor;
            await console.Out.WriteLineAsync($"{d.Id,-45} {d.Version,-9} non-DICOM: {d.NonDicom,-21} {d.Description}").ConfigureAwait(false);
        }

        return profiles.Count > 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
