using Uplink.Host.Commands;

namespace Uplink.Host.Tests.Commands;

/// <summary>Runs one verb through the real parser, as <c>uplink VERB ARGS...</c> would.</summary>
internal static class CommandLineTestExtensions
{
    /// <summary>Parses <paramref name="args"/> after the verb's words and runs the verb.</summary>
    /// <param name="command">The verb.</param>
    /// <param name="args">The arguments after the verb.</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <param name="console">Where parse errors go (the verb writes to its own).</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(this ICommand command, IReadOnlyList<string> args, CancellationToken cancellationToken, ConsoleOutput? console = null) =>
        new UplinkCommandLine([command], console ?? new ConsoleOutput(TextWriter.Null, TextWriter.Null))
            .InvokeAsync([.. command.Name.Split(' '), .. args], cancellationToken);
}
