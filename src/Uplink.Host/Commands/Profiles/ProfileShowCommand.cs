using Uplink.Core.Anonymization.Documentation;

namespace Uplink.Host.Commands.Profiles;

/// <summary><c>uplink profile show NAME [--plugins DIR] [--config FILE]</c>: prints the table of all the removed and anonymized data of a profile.</summary>
internal sealed class ProfileShowCommand(ProfileCatalog catalog, ConsoleOutput console) : ICommand
{
    /// <inheritdoc />
    public string Name => "profile show";

    /// <inheritdoc />
    public string Summary => "Prints a profile's table of removed and anonymized data.";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var rest = TakePluginOptions(args, out var plugins, out var config);
        if (rest.Count != 1)
        {
            await console.Error.WriteLineAsync("uplink profile show: give one profile id. Usage: uplink profile show NAME [--plugins DIR] [--config FILE]").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var profiles = catalog.Load(plugins, config, console.Error);
        if (profiles is null)
        {
            return ExitCodes.Failed;
        }

        var profile = profiles.Find(rest[0]);
        if (profile is null)
        {
            await console.Error.WriteLineAsync($"uplink profile show: no profile '{rest[0]}'. Profiles: {profiles.Ids}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await console.Out.WriteAsync(ProfileTable.Render(profile.Descriptor)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Takes <c>--plugins DIR</c> and <c>--config FILE</c> out of the arguments.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="plugins">The plugins folder, or null when not given.</param>
    /// <param name="config">The configuration file, or null when not given.</param>
    /// <returns>The other arguments.</returns>
    public static IReadOnlyList<string> TakePluginOptions(IReadOnlyList<string> args, out string? plugins, out string? config)
    {
        var others = new List<string>();
        plugins = null;
        config = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--plugins" && i + 1 < args.Count)
            {
                plugins = args[++i];
            }
            else if (args[i] == "--config" && i + 1 < args.Count)
            {
                config = args[++i];
            }
            else
            {
                others.Add(args[i]);
            }
        }

        return others;
    }
}
