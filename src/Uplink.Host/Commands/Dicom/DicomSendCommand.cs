namespace Uplink.Host.Commands.Dicom;

/// <summary><c>uplink dicom send AE@HOST:PORT FILE... [--aet CALLING] [--timeout S] [--max-pdu N]</c>: C-STORE files to a DICOM node.</summary>
internal sealed class DicomSendCommand(ConsoleOutput console) : ICommand
{
    public string Name => "dicom send";

    public string Summary => "Sends DICOM files to a node with C-STORE, as stored (AE@HOST:PORT FILE...).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = DicomCommandLine.TryParse(args, out var error);
        if (line is null || line.Files.Count == 0)
        {
            await console.Error.WriteLineAsync($"{(line is null ? error : "No files to send.")}\nusage: uplink dicom send AE@HOST:PORT FILE... [--aet CALLING] [--timeout SECONDS] [--max-pdu BYTES]").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await new DicomSend(console).RunAsync(line, cancellationToken).ConfigureAwait(false);
    }
}
