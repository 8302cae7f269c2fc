using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>Takes one leased image through as many stages as it can go now: resolve, anonymize, deliver.</summary>
internal sealed class ImageWorker(ResolveStage resolve, AnonymizeStage anonymize, DeliverStage deliver, PipelineMetrics metrics, TimeProvider time)
{
    /// <summary>Works on the image until it is finished or released.</summary>
    /// <param name="item">The leased image.</param>
    /// <param name="cancellationToken">Stops the work; the lease then expires or is released at the next start.</param>
    /// <returns>A task that completes when the image is finished or released.</returns>
    public async Task RunAsync(ImageWorkItem item, CancellationToken cancellationToken)
    {
        ImageWorkItem? current = item;
        while (current is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = time.GetTimestamp();
            var stage = current.State switch
            {
                ImageState.Queued => ResolveStage.Stage,
                ImageState.Fetched => AnonymizeStage.Stage,
                ImageState.Anonymized => DeliverStage.Stage,
                _ => null,
            };
            current = current.State switch
            {
                ImageState.Queued => await resolve.RunAsync(current, cancellationToken).ConfigureAwait(false),
                ImageState.Fetched => anonymize.Run(current, cancellationToken),
                ImageState.Anonymized => await deliver.RunAsync(current, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
            if (stage is not null)
            {
                metrics.StageRan(stage, time.GetElapsedTime(started));
            }
        }
    }
}
