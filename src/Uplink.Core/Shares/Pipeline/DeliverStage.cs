using Uplink.Core.Anonymization;
using Uplink.Core.Anonymization.Shaping;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Anonymized → sent: hands the instance to every active output that does not have it yet, with the
/// idempotency key <c>{shareId}:{SOP Instance UID}</c>. Each output gets the instance shaped to what it declares
/// it takes (<see cref="IDeclaresAcceptance"/>), every shaped file verified on disk and kept in the spool so a
/// retry resends the same bytes; a clip split into parts goes part by part (key <c>…#part-N</c>) and counts as
/// delivered only when every part is. The SHA-256 and length of every file sent are recorded on the delivery and
/// in the attempt log. A failing output is retried with back-off for as long as it takes; an output's refusal, or
/// an instance that cannot be shaped for it, sets the image aside. Non-DICOM content a profile keeps goes only to
/// the outputs that deliver it password protected (<see cref="INonDicomOutput"/>), and is kept aside, never sent,
/// when no active output does.
/// </summary>
internal sealed class DeliverStage(IActivePlugins plugins, ImageQueue queue, ImageOutcomes outcomes, OutputShaping shaping, PipelineMetrics metrics)
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
            outcomes.RetryUntilDone(item, Stage, null, "no output is active");
            return null;
        }

        var info = item.Anonymized!;
        if (info.IsDocument)
        {
            return await DeliverDocumentAsync(item, info, info.NonDicomMediaType, cancellationToken).ConfigureAwait(false);
        }

        var key = IdempotencyKey(item.ShareId, info.SopInstanceUid);
        var whole = new OutboundInstance(
            item.ShareId, key, info.Path, info.Length, info.SopClassUid, info.SopInstanceUid, info.StudyInstanceUid, info.SeriesInstanceUid, info.TransferSyntaxUid);
        var delivered = queue.DeliveredOutputs(item);
        foreach (var output in plugins.Outputs.Where(o => !delivered.Contains(o.PluginId)))
        {
            ShapingResult shaped;
            try
            {
                shaped = shaping.Shape(item, info, output);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                outcomes.RetryUntilDone(item, Stage, output.PluginId, $"the instance could not be shaped for output {output.PluginId} on disk ({ex.GetType().Name})");
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A shaping bug never ships: the image is set aside, the exception's text (which may quote data) withheld.
                shaped = ShapingResult.SetAside($"shaping failed ({ex.GetType().Name})");
            }

            if (shaped.SetAsideReason is { } reason)
            {
                outcomes.Finish(item, Stage, ImageState.SetAside, $"output {output.PluginId} cannot take it: {reason}");
                return null;
            }

            var result = await DeliverFilesAsync(output, whole, shaped.Files, cancellationToken).ConfigureAwait(false);
            if (!Record(item, output.PluginId, result with { IdempotencyKey = key }, SentFiles.Of(shaped.Files)))
            {
                return null;
            }
        }

        outcomes.Finish(item, Stage, ImageState.Sent, null);
        return null;
    }

    private static async Task<DeliveryResult> DeliverFilesAsync(ActivePlugin<GuardedOutput> output, OutboundInstance whole, IReadOnlyList<ShapedFile> files, CancellationToken cancellationToken)
    {
        var key = whole.IdempotencyKey;
        foreach (var file in files)
        {
            var instance = whole with
            {
                IdempotencyKey = file.Part == 0 ? key : $"{key}#part-{file.Part}",
                FilePath = file.Path,
                Length = file.Length,
                SopInstanceUid = file.SopInstanceUid,
                TransferSyntaxUid = file.TransferSyntaxUid,
            };
            var result = await DeliverAsync(output, instance, cancellationToken).ConfigureAwait(false);
            if (result.Status != DeliveryStatus.Delivered)
            {
                return result;
            }
        }

        return DeliveryResult.Delivered(key);
    }

    private async Task<ImageWorkItem?> DeliverDocumentAsync(ImageWorkItem item, AnonymizedInstanceInfo info, string mediaType, CancellationToken cancellationToken)
    {
        var channels = plugins.Outputs
            .Select(o => (o.PluginId, Channel: o.Instance.NonDicom))
            .Where(o => o.Channel is not null)
            .ToList();
        if (channels.Count == 0)
        {
            outcomes.Finish(item, Stage, ImageState.SetAside,
                $"non-DICOM content ({mediaType}) is kept, never sent: it may only go to an output that password protects it, and none of the active outputs ({string.Join(", ", plugins.Outputs.Select(o => o.PluginId))}) does");
            return null;
        }

        var document = new OutboundDocument(item.ShareId, $"{item.ShareId}:{info.Sha256}", info.Path, info.Length, mediaType, info.Sha256);
        SentFiles.Entry[] sent = [new(0, info.Sha256, info.Length)];
        var delivered = queue.DeliveredOutputs(item);
        foreach (var (pluginId, channel) in channels.Where(c => !delivered.Contains(c.PluginId)))
        {
            // The channel is the guarded one (GuardedNonDicomOutput): it is the one catch site for the plugin's throw.
            var result = await channel!.DeliverNonDicomAsync(document, cancellationToken).ConfigureAwait(false);
            if (!Record(item, pluginId, result with { IdempotencyKey = document.IdempotencyKey }, sent))
            {
                return null;
            }
        }

        outcomes.Finish(item, Stage, ImageState.Sent, null);
        return null;
    }

    /// <summary>Records one output's answer; false when the image is finished or released by it.</summary>
    private bool Record(ImageWorkItem item, string pluginId, DeliveryResult result, IReadOnlyList<SentFiles.Entry> sent)
    {
        switch (result.Status)
        {
            case DeliveryStatus.Delivered:
                queue.RecordDelivery(item, pluginId, result.IdempotencyKey, SentFiles.ToJson(sent));
                outcomes.Advanced(item, Stage, pluginId, SentFiles.Summary(sent));
                metrics.Uploaded(pluginId, sent.Sum(f => f.Length));
                return true;
            case DeliveryStatus.SetAside:
                outcomes.Finish(item, Stage, ImageState.SetAside, $"output {pluginId} refused it: {result.Reason}");
                return false;
            case DeliveryStatus.CredentialsRejected:
                outcomes.RetryUntilDone(item, Stage, pluginId, $"output {pluginId} rejected its credentials; an admin must fix them: {result.Reason}");
                return false;
            default:
                outcomes.RetryUntilDone(item, Stage, pluginId, $"output {pluginId} is failing: {result.Reason}");
                return false;
        }
    }

    // The guarded output catches the plugin's throw and answers one result per instance.
    private static async Task<DeliveryResult> DeliverAsync(ActivePlugin<GuardedOutput> output, OutboundInstance instance, CancellationToken cancellationToken) =>
        (await output.Instance.DeliverAsync([instance], cancellationToken).ConfigureAwait(false))[0];
}
