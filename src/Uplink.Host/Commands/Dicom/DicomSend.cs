using System.Diagnostics;
using Uplink.Dicom.Network;

namespace Uplink.Host.Commands.Dicom;

/// <summary>
/// Sends Part 10 files to a DICOM node on one association, each in the transfer syntax it is stored in;
/// prints one line per file with its C-STORE status, then a total with throughput.
/// </summary>
internal sealed class DicomSend(ConsoleOutput console)
{
    public async Task<int> RunAsync(DicomCommandLine line, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var failed = 0;
        foreach (var file in line.Files)
        {
            try
            {
                _ = DicomPresentationProposal.ForFiles([file]);
                files.Add(file);
            }
            catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                failed++;
                await console.Error.WriteLineAsync(error.Message.StartsWith(file, StringComparison.Ordinal) ? error.Message : $"{file}: {error.Message}").ConfigureAwait(false);
            }
        }

        if (files.Count == 0)
        {
            return ExitCodes.Failed;
        }

        var watch = Stopwatch.StartNew();
        long bytes = 0;
        var sent = 0;
        try
        {
            var client = await DicomClient.ConnectAsync(line.Client, DicomPresentationProposal.ForFiles(files), cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                foreach (var file in files)
                {
                    ushort status;
                    try
                    {
                        status = await client.StoreAsync(file, cancellationToken).ConfigureAwait(false);
                    }
                    catch (DicomNetworkException error) when (client.IsOpen)
                    {
                        // No accepted context for this file: the association is still usable for the others.
                        failed++;
                        await console.Error.WriteLineAsync($"{file}: {error.Message}").ConfigureAwait(false);
                        continue;
                    }

                    var ok = DimseStatus.IsSuccessOrWarning(status);
                    failed += ok ? 0 : 1;
                    sent += ok ? 1 : 0;
                    bytes += ok ? new FileInfo(file).Length : 0;
                    var text = $"{file}: status 0x{status:X4}{(status == DimseStatus.Success ? string.Empty : ok ? " (warning)" : " (failed)")}";
                    await (ok ? console.Out : console.Error).WriteLineAsync(text).ConfigureAwait(false);
                }

                await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DicomNetworkException error)
        {
            await console.Error.WriteLineAsync($"{line.Node}: {error.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var seconds = Math.Max(watch.Elapsed.TotalSeconds, 1e-6);
        await console.Out.WriteLineAsync(
            $"{sent} of {line.Files.Count} files sent to {line.Node} in {seconds:0.00} s ({sent / seconds:0.0} files/s, {bytes / seconds / 1e6:0.0} MB/s).").ConfigureAwait(false);
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
