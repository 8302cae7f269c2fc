using Microsoft.Extensions.Options;
using Uplink.Core.Shares.Store;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>One step of work: a share ready for its hand-off first, otherwise the next due image.</summary>
internal sealed class PipelineRunner(
    ShareQueue shares,
    ImageQueue images,
    ShareHandOff handOff,
    ImageWorker worker,
    PipelineSignal signal,
    IOptions<PipelineOptions> options)
{
    /// <summary>Claims and works on one item.</summary>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>True when there was something to do.</returns>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var lease = options.Value.LeaseDuration;
        var share = shares.Claim(lease);
        if (share is not null)
        {
            await handOff.RunAsync(share, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var image = images.Claim(lease);
        if (image is null)
        {
            return false;
        }

        await worker.RunAsync(image, cancellationToken).ConfigureAwait(false);
        signal.Pulse();
        return true;
    }

    /// <summary>Runs until nothing is due (for tests and for draining).</summary>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>How many items were worked on.</returns>
    public async Task<int> RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (await RunOnceAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
