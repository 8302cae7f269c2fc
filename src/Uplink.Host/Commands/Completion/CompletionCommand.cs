using System.CommandLine;

namespace Uplink.Host.Commands.Completion;

/// <summary>
/// <c>uplink completion bash</c>: prints a bash completion script. It asks <c>uplink</c> itself for the
/// completions through System.CommandLine's <c>[suggest]</c> directive, so it never goes stale as verbs are added.
/// Install with <c>uplink completion bash &gt; /etc/bash_completion.d/uplink</c>.
/// </summary>
/// <param name="console">Where the script goes.</param>
internal sealed class CompletionCommand(ConsoleOutput console) : ICommand
{
    private const string Bash = """
        # bash completion for uplink: asks uplink itself through the [suggest] directive.
        _uplink_complete()
        {
            local IFS=$'\n'
            local candidates
            candidates=$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=( $(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _uplink_complete uplink
        """;

    private readonly Argument<string> _shell = NewShellArgument();

    /// <inheritdoc />
    public string Name => "completion";

    /// <inheritdoc />
    public string Summary => "Prints a shell completion script (bash): uplink completion bash > /etc/bash_completion.d/uplink";

    /// <inheritdoc />
    public string Failure => "not used by this verb";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_shell];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        await console.Out.WriteLineAsync(Bash).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static Argument<string> NewShellArgument()
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: bash." };
        shell.AcceptOnlyFromAmong("bash");
        return shell;
    }
}
