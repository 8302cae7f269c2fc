using System.CommandLine;

namespace Uplink.Host.Commands.Dicom;

/// <summary><c>uplink dicom send AE@HOST:PORT FILE... [--aet CALLING] [--timeout S] [--max-pdu N]</c>: C-STORE files to a DICOM node.</summary>
internal sealed class DicomSendCommand(ConsoleOutput console) : ICommand
{
    private readonly DicomNodeSymbols _node = new();
    private readonly Argument<string[]> _files = new("FILE") { Description = "Part 10 files, sent as they are stored.", Arity = ArgumentArity.OneOrMore };

    /// <inheritdoc />
    public string Name => "dicom send";

    /// <inheritdoc />
    public string Summary => "Sends DICOM files to a node with C-STORE, as stored (AE@HOST:PORT FILE...).";

    /// <inheritdoc />
    public string Failure => "a file was not stored by the node (each is named with the node's status), or the node could not be reached";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [.. _node.All, _files];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var line = _node.Read(parsed, parsed.GetRequiredValue(_files), out var error);
        if (line is null)
        {
            await console.Error.WriteLineAsync($"{error}\nusage: uplink dicom send AE@HOST:PORT FILE... [--aet CALLING] [--timeout SECONDS] [--max-pdu BYTES]").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await new DicomSend(console).RunAsync(line, cancellationToken).ConfigureAwait(false);
    }
}
