namespace Uplink.Host.Commands.Dicom;

/// <summary><c>uplink dicom echo AE@HOST:PORT [--aet CALLING] [--timeout S] [--max-pdu N]</c>: C-ECHO a DICOM node.</summary>
internal sealed class DicomEchoCommand(ConsoleOutput console) : ICommand
{
    public string Name => "dicom echo";

    public string Summary => "Checks a DICOM node with C-ECHO (AE@HOST:PORT).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = DicomCommandLine.TryParse(args, out var error);
        if (line is null || line.Files.Count > 0)
        {
            await console.Error.WriteLineAsync($"{(line is null ? error : "echo takes no files.")}\nusage: uplink dicom echo AE@HOST:PORT [--aet CALLING] [--timeout SECONDS] [--max-pdu BYTES]").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await new DicomEcho(console).RunAsync(line, cancellationToken).ConfigureAwait(false);
    }
}
