using System.CommandLine;

namespace Uplink.Host.Commands;

/// <summary>
/// One verb of the `uplink` command. Each verb is a class of its own, found by scanning: adding a verb is
/// adding a class, and <see cref="UplinkCommandLine"/> puts it in the parser, the help and the completions.
/// </summary>
internal interface ICommand
{
    /// <summary>The verb, as typed (for example <c>inspect</c>, or <c>plugins trust</c> for a sub-verb).</summary>
    string Name { get; }

    /// <summary>One line for <c>uplink --help</c>; the first line of the verb's own help.</summary>
    string Summary { get; }

    /// <summary>What exit code 1 means for this verb, for its help.</summary>
    string Failure { get; }

    /// <summary>The verb's options and arguments, each with its description for the help.</summary>
    IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>Runs the verb once its command line has parsed without error.</summary>
    /// <param name="parsed">The parsed command line; read the values of <see cref="Symbols"/> from it.</param>
    /// <param name="cancellationToken">Signalled on Ctrl-C.</param>
    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken);
}
