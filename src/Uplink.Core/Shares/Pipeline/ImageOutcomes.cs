using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>Records what a stage did to an image (store, attempt log, log line) in one place.</summary>
internal sealed class ImageOutcomes(
    ImageQueue queue,
    AttemptLog attempts,
    BackoffPolicy backoff,
    IOptions<PipelineOptions> options,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<ImageOutcomes> logger)
{
    /// <summary>Finishes the image in a final state.</summary>
    /// <param name="item">The leased image.</param>
    /// <param name="stage">The stage that decided.</param>
    /// <param name="state">The final state.</param>
    /// <param name="reason">Why, unless sent.</param>
    public void Finish(ImageWorkItem item, string stage, ImageState state, string? reason)
    {
        attempts.Record(item.ShareId, item.Position, stage, null, StateNames.Of(state), reason);
        if (!queue.Finish(item, state, reason))
        {
            PipelineLog.LeaseLost(logger, item.ShareId, item.Position);
            return;
        }

        metrics.ImageFinished(stage, state);
        if (state == ImageState.Sent)
        {
            PipelineLog.ImageAdvanced(logger, item.ShareId, item.Position, StateNames.Of(state));
        }
        else
        {
            PipelineLog.ImageStopped(logger, item.ShareId, item.Position, StateNames.Of(state), reason);
        }
    }

    /// <summary>
    /// Retries a stage later, or fails the image for good once <see cref="PipelineOptions.MaxProcessingAttempts"/>
    /// attempts have failed: for faults that retrying may not cure (an unknown id, a file that went away, a bug).
    /// </summary>
    /// <param name="item">The leased image.</param>
    /// <param name="stage">The stage that failed.</param>
    /// <param name="reason">Why, without patient data.</param>
    public void RetryOrFail(ImageWorkItem item, string stage, string reason)
    {
        if (item.Attempt + 1 >= options.Value.MaxProcessingAttempts)
        {
            Finish(item, stage, ImageState.Failed, $"{reason} (gave up after {item.Attempt + 1} attempts)");
            return;
        }

        RetryUntilDone(item, stage, null, reason);
    }

    /// <summary>
    /// Retries a stage later with back-off, without limit: for faults that pass (an output or image store that
    /// is down, a missing profile an admin will fix).
    /// </summary>
    /// <param name="item">The leased image.</param>
    /// <param name="stage">The stage that failed.</param>
    /// <param name="outputId">The output, for deliveries.</param>
    /// <param name="reason">Why, without patient data.</param>
    public void RetryUntilDone(ImageWorkItem item, string stage, string? outputId, string reason)
    {
        var delay = backoff.Delay(item.Attempt);
        attempts.Record(item.ShareId, item.Position, stage, outputId, "retry", reason);
        if (queue.Postpone(item, time.GetUtcNow() + delay, reason))
        {
            PipelineLog.ImagePostponed(logger, item.ShareId, item.Position, item.Attempt + 1, delay, reason);
        }
        else
        {
            PipelineLog.LeaseLost(logger, item.ShareId, item.Position);
        }
    }


    /// <summary>Records a stage that moved the image on.</summary>
    /// <param name="item">The image in its new state.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="outputId">The output, for deliveries.</param>
    /// <param name="detail">For deliveries, what was sent (hashes and lengths, never values).</param>
    public void Advanced(ImageWorkItem item, string stage, string? outputId, string? detail = null)
    {
        attempts.Record(item.ShareId, item.Position, stage, outputId, "ok", detail);
        PipelineLog.ImageAdvanced(logger, item.ShareId, item.Position, outputId is null ? StateNames.Of(item.State) : $"delivered to {outputId}");
    }

    /// <summary>Records a stage's transition when the store took it, or the lost lease when it did not.</summary>
    /// <param name="item">The leased image before the stage.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="stored">The image as the store now has it, or null when the lease was lost.</param>
    /// <returns><paramref name="stored"/>.</returns>
    public ImageWorkItem? Moved(ImageWorkItem item, string stage, ImageWorkItem? stored)
    {
        if (stored is null)
        {
            LeaseLost(item);
            return null;
        }

        Advanced(stored, stage, null);
        return stored;
    }

    /// <summary>Logs that the lease was lost while a stage ran.</summary>
    /// <param name="item">The image.</param>
    public void LeaseLost(ImageWorkItem item) => PipelineLog.LeaseLost(logger, item.ShareId, item.Position);
}
