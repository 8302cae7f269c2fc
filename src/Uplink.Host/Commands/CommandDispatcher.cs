using System.Reflection;

namespace Uplink.Host.Commands;

/// <summary>Picks the verb (the longest matching name, so <c>plugins trust</c> wins over <c>plugins</c>) and runs it.</summary>
internal sealed class CommandDispatcher(IEnumerable<ICommand> commands, ConsoleOutput console)
{
    private readonly ICommand[] _commands = [.. commands.OrderByDescending(c => c.Name.Split(' ').Length)];

    public async Task<int> DispatchAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteHelp();
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        if (args[0] == "--version")
        {
            await console.Out.WriteLineAsync($"uplink {Version}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var command in _commands)
        {
            var words = command.Name.Split(' ');
            if (args.Count >= words.Length && words.Select((w, i) => w == args[i]).All(x => x))
            {
                return await command.RunAsync([.. args.Skip(words.Length)], cancellationToken).ConfigureAwait(false);
            }
        }

        await console.Error.WriteLineAsync($"uplink: unknown command '{args[0]}'. Run 'uplink --help' for the list.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    /// <summary>The informational version of the `uplink` assembly, without the source revision.</summary>
    public static string Version
    {
        get
        {
            var info = typeof(CommandDispatcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = info.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? info : info[..plus];
        }
    }

    private void WriteHelp()
    {
        console.Out.WriteLine("Uplink: anonymizes ultrasound exams and uploads them to the cloud.");
        console.Out.WriteLine();
        console.Out.WriteLine("Usage: uplink <command> [options]");
        console.Out.WriteLine();
        foreach (var command in _commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            console.Out.WriteLine($"  {command.Name,-18} {command.Summary}");
        }

        console.Out.WriteLine($"  {"--version",-18} Prints the version.");
    }
}
