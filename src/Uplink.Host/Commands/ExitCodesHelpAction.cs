using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Uplink.Host.Commands;

/// <summary>System.CommandLine's help, followed by the exit codes of the verb whose help it is.</summary>
/// <param name="help">The default help.</param>
/// <param name="failures">What exit code 1 means, per verb; the root's meaning for anything else.</param>
internal sealed class ExitCodesHelpAction(HelpAction help, IReadOnlyDictionary<Command, string> failures) : SynchronousCommandLineAction
{
    private const string AnyFailure = "the work ran and something failed (each verb's help says what)";

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        var failure = failures.GetValueOrDefault(parseResult.CommandResult.Command, AnyFailure);
        parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.Describe(failure));
        parseResult.InvocationConfiguration.Output.WriteLine();
        return code;
    }
}
