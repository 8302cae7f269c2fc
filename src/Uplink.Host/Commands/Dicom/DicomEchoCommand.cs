using System.CommandLine;

namespace Uplink.Host.Commands.Dicom;

/// <summary><c>uplink dicom echo AE@HOST:PORT [--aet CALLING] [--timeout S] [--max-pdu N]</c>: C-ECHO a DICOM node.</summary>
internal sealed class DicomEchoCommand(ConsoleOutput console) : ICommand
{
    private readonly DicomNodeSymbols _node = new();

    /// <inheritdoc />
    public string Name => "dicom echo";

    /// <inheritdoc />
    public string Summary => "Checks a DICOM node with C-ECHO (AE@HOST:PORT).";

    /// <inheritdoc />
    public string Failure => "the node could not be reached, refused the association or did not answer the echo with success";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => _node.All;

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var line = _node.Read(parsed, [], out var error);
        if (line is null)
        {
            await console.Error.WriteLineAsync($"{error}\nusage: uplink dicom echo AE@HOST:PORT [--aet CALLING] [--timeout SECONDS] [--max-pdu BYTES]").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await new DicomEcho(console).RunAsync(line, cancellationToken).ConfigureAwait(false);
    }
}
