using Uplink.Core.Plugins;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Anonymized → sent: hands the instance to every active output that does not have it yet, with the
/// idempotency key <c>{shareId}:{SOP Instance UID}</c>. A failing output is retried with back-off
/// for as long as it takes; an output's refusal sets the image aside.
/// </summary>
internal sealed class DeliverStage(IActivePlugins plugins, ImageQueue queue, ImageOutcomes outcomes)
{
    private const string Stage = "deliver";

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
        var instance = new OutboundInstance(
            item.ShareId, IdempotencyKey(item.ShareId, info.SopInstanceUid), info.Path, info.Length,
            info.SopClassUid, info.SopInstanceUid, info.StudyInstanceUid, info.SeriesInstanceUid, info.TransferSyntaxUid);
        var delivered = queue.DeliveredOutputs(item);
        foreach (var output in plugins.Outputs.Where(o => !delivered.Contains(o.PluginId)))
        {
            var result = await DeliverAsync(output, instance, cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    queue.RecordDelivery(item, output.PluginId, instance.IdempotencyKey);
                    outcomes.Advanced(item, Stage, output.PluginId);
                    break;
                case DeliveryStatus.SetAside:
                    outcomes.Finish(item, Stage, ImageState.SetAside, $"output {output.PluginId} refused it: {result.Reason}");
                    return null;
                case DeliveryStatus.CredentialsRejected:
                    outcomes.Retry(item, Stage, output.PluginId, $"output {output.PluginId} rejected its credentials; an admin must fix them: {result.Reason}", limited: false);
                    return null;
                default:
                    outcomes.Retry(item, Stage, output.PluginId, $"output {output.PluginId} is failing: {result.Reason}", limited: false);
                    return null;
            }
        }

        outcomes.Finish(item, Stage, ImageState.Sent, null);
        return null;
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
