using Microsoft.Extensions.Logging;
using Uplink.Core.Plugins;
using Uplink.Core.Shares.Protection;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// The last step of a share whose images are all finished: decrypts the recipient for the outputs'
/// share calls only, then ends the share and erases the recipient and the spooled files. A share without
/// contact (a routing share) ends without any output's share call.
/// </summary>
internal sealed class ShareHandOff(
    IActivePlugins plugins,
    ShareQueue queue,
    AttemptLog attempts,
    RecipientProtector protector,
    ShareSpool spool,
    BackoffPolicy backoff,
    TimeProvider time,
    ILogger<ShareHandOff> logger)
{
    private const string Stage = "complete";

    /// <summary>Hands the share to every output that has not taken it yet.</summary>
    /// <param name="item">The leased share.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>A task that completes when the share is ended or released.</returns>
    public async Task RunAsync(ShareWorkItem item, CancellationToken cancellationToken)
    {
        if (item.DeliveredCount == 0)
        {
            // Never handed off, so the recipient stays (encrypted) for an administrator's retry of the images.
            End(item, ShareState.Failed, "no image of the share could be sent; each image's status says why", keepRecipient: true);
            return;
        }

        if (plugins.Outputs.Count == 0)
        {
            Postpone(item, "no output is active");
            return;
        }

        // A share an administrator opened again has been handed off before: the outputs that took it are not asked
        // twice, and an output that never took it cannot be once the recipient was erased at the first hand-off.
        var done = queue.CompletedOutputs(item.ShareId);
        var pending = plugins.Outputs.Where(o => !done.Contains(o.PluginId)).ToList();
        if (pending.Count > 0 && item.ProtectedRecipient is null)
        {
            var outputs = string.Join(", ", pending.Select(o => o.PluginId));
            End(item, ShareState.Failed, $"its images were sent, but its recipient was erased when the share first ended, so {outputs} cannot be handed it; share the exam again");
            return;
        }

        if (pending.Count == 0)
        {
            End(item, ShareState.Completed, null);
            return;
        }

        var recipient = protector.Unprotect(item.ShareId, item.ProtectedRecipient!);
        if (!recipient.HasContact)
        {
            // A routing share: the instances are delivered and there is no contact to hand to any output.
            attempts.Record(item.ShareId, null, Stage, null, "ok", "no recipient: no patient link requested");
            End(item, ShareState.Completed, null);
            return;
        }

        var completion = new ShareCompletion(item.ShareId, recipient, item.StudyInstanceUids, item.DeliveredCount);

        foreach (var output in pending)
        {
            // The output is a GuardedOutput: its throws arrive here as a retry result, so nothing is caught here.
            var result = await output.Instance.CompleteShareAsync(completion, cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    queue.RecordCompletion(item.ShareId, output.PluginId);
                    attempts.Record(item.ShareId, null, Stage, output.PluginId, "ok", null);
                    break;
                case DeliveryStatus.SetAside:
                    attempts.Record(item.ShareId, null, Stage, output.PluginId, "refused", result.Reason);
                    End(item, ShareState.Failed, $"output {output.PluginId} refused the share: {result.Reason}");
                    return;
                default:
                    attempts.Record(item.ShareId, null, Stage, output.PluginId, "retry", result.Reason);
                    Postpone(item, $"output {output.PluginId} could not take the share: {result.Reason}");
                    return;
            }
        }

        End(item, ShareState.Completed, null);
    }

    private void End(ShareWorkItem item, ShareState state, string? reason, bool keepRecipient = false)
    {
        if (queue.Finish(item, state, reason, keepRecipient))
        {
            spool.Delete(item.ShareId);
            PipelineLog.ShareFinished(logger, item.ShareId, StateNames.Of(state), item.DeliveredCount);
        }
    }

    private void Postpone(ShareWorkItem item, string reason)
    {
        var delay = backoff.Delay(item.Attempt);
        if (queue.Postpone(item, time.GetUtcNow() + delay, reason))
        {
            PipelineLog.SharePostponed(logger, item.ShareId, item.Attempt + 1, delay, reason);
        }
    }
}
