using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;

namespace Uplink.Host.Commands;

/// <summary>
/// The `uplink` command line on System.CommandLine: one sub-command per <see cref="ICommand"/> (a verb of two
/// words such as <c>plugins trust</c> nests under the first), with <c>--help</c> for every verb and option,
/// exit codes at the end of each help (<see cref="ExitCodesHelpAction"/>), and completions through the <c>[suggest]</c> directive.
/// </summary>
internal sealed class UplinkCommandLine
{
    private const string Title = "Uplink: anonymizes ultrasound exams and uploads them to the cloud.";

    private readonly ConsoleOutput _console;

    /// <summary>Builds the parser from the verbs.</summary>
    /// <param name="commands">Every verb.</param>
    /// <param name="console">Where help, errors and output go.</param>
    public UplinkCommandLine(IEnumerable<ICommand> commands, ConsoleOutput console)
    {
        _console = console;
        Root = new RootCommand(Title);
        var failures = new Dictionary<Command, string>();
        foreach (var verb in commands.OrderBy(c => c.Name.Split(' ').Length).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            var command = FindOrAdd(Root, verb.Name.Split(' '));
            command.Description = verb.Summary;
            failures[command] = verb.Failure;
            foreach (var symbol in verb.Symbols)
            {
                switch (symbol)
                {
                    case Option option:
                        option.Validators.Add(result => RefuseOptionsAsValues(result, $"{option.Name} needs a value, not the option"));
                        command.Add(option);
                        break;
                    case Argument argument:
                        argument.Validators.Add(result => RefuseOptionsAsValues(result, "unknown option"));
                        command.Add(argument);
                        break;
                    default:
                        throw new InvalidOperationException($"Verb '{verb.Name}' declares a {symbol.GetType().Name}; only options and arguments are allowed.");
                }
            }

            command.SetAction(verb.RunAsync);
        }

        foreach (var group in Root.Subcommands.Where(c => c.Action is null))
        {
            group.Description = $"Verbs: {string.Join(", ", group.Subcommands.Select(c => $"{group.Name} {c.Name}"))}. See 'uplink {group.Name} <verb> --help'.";
        }

        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new ExitCodesHelpAction((HelpAction)help.Action!, failures);
        Root.Options.OfType<VersionOption>().Single().Action = new VersionAction();
    }

    /// <summary>The root of the parser (for help and completion tests).</summary>
    public RootCommand Root { get; }

    /// <summary>The informational version of the `uplink` assembly, without the source revision.</summary>
    public static string Version
    {
        get
        {
            var info = typeof(UplinkCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = info.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? info : info[..plus];
        }
    }

    /// <summary>
    /// Parses and runs. No arguments prints the help and exits with <see cref="ExitCodes.Usage"/>; a command line
    /// that does not parse names each problem and exits with <see cref="ExitCodes.Usage"/>.
    /// </summary>
    /// <param name="args">The process arguments.</param>
    /// <param name="cancellationToken">Signalled on Ctrl-C.</param>
    /// <returns>The process exit code.</returns>
    public async Task<int> InvokeAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var configuration = new InvocationConfiguration
        {
            Output = _console.Out,
            Error = _console.Error,
            EnableDefaultExceptionHandler = false,

            // Program and the Generic Host handle Ctrl-C and SIGTERM themselves.
            ProcessTerminationTimeout = null,
        };
        if (args.Count == 0)
        {
            await Root.Parse(["--help"]).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // No @response-file expansion: "@" may begin a file name given to inspect or anonymize.
        var parsed = Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Action is ParseErrorAction)
        {
            var prefix = $"uplink{VerbOf(parsed.CommandResult)}";
            foreach (var error in parsed.Errors)
            {
                await _console.Error.WriteLineAsync($"{prefix}: {error.Message}").ConfigureAwait(false);
            }

            await _console.Error.WriteLineAsync($"Usage: {UsageOf(prefix, parsed.CommandResult.Command)}. Run '{prefix} --help' for more.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static Command FindOrAdd(Command parent, ReadOnlySpan<string> words)
    {
        var word = words[0];
        var command = parent.Subcommands.FirstOrDefault(c => c.Name == word);
        if (command is null)
        {
            command = new Command(word);
            parent.Add(command);
        }

        return words.Length == 1 ? command : FindOrAdd(command, words[1..]);
    }

    // System.CommandLine takes "--out --jobs" as --out = "--jobs" and an unknown "--fast" as an input path;
    // both are mistakes on a command line whose values are names and paths.
    private static void RefuseOptionsAsValues(SymbolResult result, string problem)
    {
        foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
        {
            result.AddError($"{problem} '{token.Value}'.");
        }
    }

    private static string UsageOf(string prefix, Command command) => command.Subcommands.Count > 0 && command.Action is null
        ? $"{prefix} <{string.Join('|', command.Subcommands.Select(c => c.Name))}>"
        : string.Join(' ', [
            prefix,
            .. command.Options.Where(o => o.Required).Select(o => $"{o.Name} {o.HelpName}"),
            .. command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? $"{a.Name}..." : a.Name),
            "[options]"]);

    private static string VerbOf(CommandResult result) =>
        result.Parent is CommandResult parent ? $"{VerbOf(parent)} {result.Command.Name}" : string.Empty;
}
