using Uplink.Core.Anonymization.Documentation;

namespace Uplink.Host.Commands;

/// <summary><c>uplink profile show NAME</c>: prints the table of all the removed and anonymized data of a profile.</summary>
internal sealed class ProfileShowCommand(TimeProvider time, ConsoleOutput console) : ICommand
{
    /// <inheritdoc />
    public string Name => "profile show";

    /// <inheritdoc />
    public string Summary => "Prints a profile's table of removed and anonymized data.";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var folder = PluginsFolder(args, out var rest);
        if (rest.Count != 1)
        {
            await console.Error.WriteLineAsync("uplink profile show: give one profile id. Usage: uplink profile show NAME [--plugins DIR]").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var profiles = new ProfilesLoader(time).Load(folder, console.Error);
        var profile = profiles.FirstOrDefault(p => string.Equals(p.Descriptor.Id, rest[0], StringComparison.OrdinalIgnoreCase));
        if (profile is null)
        {
            await console.Error.WriteLineAsync($"uplink profile show: no profile '{rest[0]}'. Profiles: {string.Join(", ", profiles.Select(p => p.Descriptor.Id))}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await console.Out.WriteAsync(ProfileTable.Render(profile.Descriptor)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Takes <c>--plugins DIR</c> out of the arguments.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="rest">The other arguments.</param>
    /// <returns>The plugins folder (the default when not given).</returns>
    public static string PluginsFolder(IReadOnlyList<string> args, out IReadOnlyList<string> rest)
    {
        var others = new List<string>();
        var folder = ProfilesLoader.DefaultFolder;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--plugins" && i + 1 < args.Count)
            {
                folder = args[++i];
            }
            else
            {
                others.Add(args[i]);
            }
        }

        rest = others;
        return folder;
    }
}
