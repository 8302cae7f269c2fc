using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Anonymized → sent: hands the instance to every active output that does not have it yet, with the
/// idempotency key <c>{shareId}:{SOP Instance UID}</c>. A failing output is retried with back-off
/// for as long as it takes; an output's refusal sets the image aside. Non-DICOM content a profile keeps goes
/// only to the outputs that deliver it password protected (<see cref="INonDicomOutput"/>), and is kept aside,
/// never sent, when no active output does.
/// </summary>
internal sealed class DeliverStage(IActivePlugins plugins, ImageQueue queue, ImageOutcomes outcomes, PipelineMetrics metrics)
{
    /// <summary>The stage's name in the attempts log and the metrics.</summary>
    public const string Stage = "deliver";

    /// <summary>The idempotency key of an instance within a share.</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="sopInstanceUid">The anonymized SOP Instance UID.</param>
    /// <returns>The key.</returns>
    public static string IdempotencyKey(string shareId, string sopInstanceUid) => $"{shareId}:{sopInstanceUid}";

    /// <summary>Runs the stage.</summary>
    /// <param name="item">An anonymized, leased image.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>Always null: the image is finished or released.</returns>
    public async Task<ImageWorkItem?> RunAsync(ImageWorkItem item, CancellationToken cancellationToken)
    {
        if (plugins.Outputs.Count == 0)
        {
            outcomes.Retry(item, Stage, null, "no output is active", limited: false);
            return null;
        }

        var info = item.Anonymized!;
        if (info.NonDicomMediaType is not null)
        {
            return await DeliverDocumentAsync(item, info, cancellationToken).ConfigureAwait(false);
        }

        var instance = new OutboundInstance(
            item.ShareId, IdempotencyKey(item.ShareId, info.SopInstanceUid), info.Path, info.Length,
            info.SopClassUid, info.SopInstanceUid, info.StudyInstanceUid, info.SeriesInstanceUid, info.TransferSyntaxUid);
        var delivered = queue.DeliveredOutputs(item);
        foreach (var output in plugins.Outputs.Where(o => !delivered.Contains(o.PluginId)))
        {
            var result = await DeliverAsync(output, instance, cancellationToken).ConfigureAwait(false);
            if (!Record(item, output.PluginId, result with { IdempotencyKey = instance.IdempotencyKey }))
            {
                return null;
            }
        }

        outcomes.Finish(item, Stage, ImageState.Sent, null);
        return null;
    }

    private async Task<ImageWorkItem?> DeliverDocumentAsync(ImageWorkItem item, Anonymization.AnonymizedInstanceInfo info, CancellationToken cancellationToken)
    {
        var channels = plugins.Outputs
            .Select(o => (o.PluginId, Channel: o.Instance is GuardedOutput guarded ? guarded.NonDicom : o.Instance as INonDicomOutput))
            .Where(o => o.Channel is not null)
            .ToList();
        if (channels.Count == 0)
        {
            outcomes.Finish(item, Stage, ImageState.SetAside,
                $"non-DICOM content ({info.NonDicomMediaType}) is kept, never sent: it may only go to an output that password protects it, and none of the active outputs ({string.Join(", ", plugins.Outputs.Select(o => o.PluginId))}) does");
            return null;
        }

        var document = new OutboundDocument(item.ShareId, $"{item.ShareId}:{info.Sha256}", info.Path, info.Length, info.NonDicomMediaType!, info.Sha256);
        var delivered = queue.DeliveredOutputs(item);
        foreach (var (pluginId, channel) in channels.Where(c => !delivered.Contains(c.PluginId)))
        {
            DeliveryResult result;
            try
            {
                result = await channel!.DeliverNonDicomAsync(document, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = DeliveryResult.Retry(document.IdempotencyKey, StageFailure.Describe("it", ex));
            }

            if (!Record(item, pluginId, result with { IdempotencyKey = document.IdempotencyKey }))
            {
                return null;
            }
        }

        outcomes.Finish(item, Stage, ImageState.Sent, null);
        return null;
    }

    /// <summary>Records one output's answer; false when the image is finished or released by it.</summary>
    private bool Record(ImageWorkItem item, string pluginId, DeliveryResult result)
    {
        switch (result.Status)
        {
            case DeliveryStatus.Delivered:
                queue.RecordDelivery(item, pluginId, result.IdempotencyKey);
                outcomes.Advanced(item, Stage, pluginId);
                metrics.Uploaded(pluginId, item.Anonymized!.Length);
                return true;
            case DeliveryStatus.SetAside:
                outcomes.Finish(item, Stage, ImageState.SetAside, $"output {pluginId} refused it: {result.Reason}");
                return false;
            case DeliveryStatus.CredentialsRejected:
                outcomes.Retry(item, Stage, pluginId, $"output {pluginId} rejected its credentials; an admin must fix them: {result.Reason}", limited: false);
                return false;
            default:
                outcomes.Retry(item, Stage, pluginId, $"output {pluginId} is failing: {result.Reason}", limited: false);
                return false;
        }
    }

    private static async Task<DeliveryResult> DeliverAsync(ActivePlugin<IOutputPlugin> output, OutboundInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            var results = await output.Instance.DeliverAsync([instance], cancellationToken).ConfigureAwait(false);
            return results.Count == 1
                ? results[0]
                : DeliveryResult.Retry(instance.IdempotencyKey, $"returned {results.Count} results for 1 instance");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry(instance.IdempotencyKey, StageFailure.Describe("it", ex));
        }
    }
}
