using System.Diagnostics;
using Uplink.Dicom.Network;

namespace Uplink.Host.Commands.Dicom;

/// <summary>Verifies a DICOM node: associate, C-ECHO, release; reports the status and round trip.</summary>
internal sealed class DicomEcho(ConsoleOutput console)
{
    public async Task<int> RunAsync(DicomCommandLine line, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var client = await DicomClient.ConnectAsync(line.Client, [DicomPresentationProposal.Verification], cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                var status = await client.EchoAsync(cancellationToken).ConfigureAwait(false);
                await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                if (status != DimseStatus.Success)
                {
                    await console.Error.WriteLineAsync($"{line.Node}: C-ECHO answered status 0x{status:X4}.").ConfigureAwait(false);
                    return ExitCodes.Failed;
                }
            }
        }
        catch (DicomNetworkException error)
        {
            await console.Error.WriteLineAsync($"{line.Node}: {error.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await console.Out.WriteLineAsync($"{line.Node}: C-ECHO success in {watch.Elapsed.TotalMilliseconds:0} ms (association, echo, release).").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
