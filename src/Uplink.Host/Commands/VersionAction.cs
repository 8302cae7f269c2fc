using System.CommandLine;
using System.CommandLine.Invocation;

namespace Uplink.Host.Commands;

/// <summary><c>uplink --version</c>: <c>uplink 1.2.3</c>, without the source revision System.CommandLine would print.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine($"uplink {UplinkCommandLine.Version}");
        return ExitCodes.Success;
    }
}
