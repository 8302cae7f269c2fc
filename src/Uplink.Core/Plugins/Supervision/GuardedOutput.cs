using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>An output whose throws and malformed answers become retryable results; it never throws into the pipeline.</summary>
/// <param name="pluginId">The plugin id.</param>
/// <param name="inner">The plugin's output.</param>
/// <param name="states">The status registry.</param>
/// <param name="logger">Where faults are logged.</param>
internal sealed class GuardedOutput(string pluginId, IOutputPlugin inner, PluginStates states, ILogger logger) : IOutputPlugin
{
    /// <summary>The output's guarded non-DICOM channel, or null when the plugin has none.</summary>
    public INonDicomOutput? NonDicom { get; } = inner is INonDicomOutput channel ? new GuardedNonDicomOutput(pluginId, channel, states, logger) : null;

    /// <summary>The output's declaration of what its destination takes, or null when it takes anything.</summary>
    public IDeclaresAcceptance? Declares { get; } = inner as IDeclaresAcceptance;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken)
    {
        try
        {
            var results = await inner.DeliverAsync(batch, cancellationToken).ConfigureAwait(false);
            if (results is null || results.Count != batch.Count)
            {
                var reason = $"output {pluginId} answered {results?.Count ?? 0} results for {batch.Count} instances";
                states.MarkFaulted(pluginId, reason);
                return [.. batch.Select(i => DeliveryResult.Retry(i.IdempotencyKey, reason))];
            }

            states.MarkRecovered(pluginId);
            return results;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(logger, pluginId, nameof(DeliverAsync), ExceptionDisclosure.Describe(ex));
            states.MarkFaulted(pluginId, ExceptionDisclosure.Threw("output", ex));
            var reason = ExceptionDisclosure.Threw($"output {pluginId}", ex);
            return [.. batch.Select(i => DeliveryResult.Retry(i.IdempotencyKey, reason))];
        }
    }

    /// <inheritdoc />
    public async ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.CompleteShareAsync(share, cancellationToken).ConfigureAwait(false)
                ?? DeliveryResult.Retry(share.ShareId, $"output {pluginId} returned no result for the share hand-off");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(logger, pluginId, nameof(CompleteShareAsync), ExceptionDisclosure.Describe(ex));
            states.MarkFaulted(pluginId, ExceptionDisclosure.Threw("share hand-off", ex));
            return DeliveryResult.Retry(share.ShareId, $"output {pluginId} failed the share hand-off ({ExceptionDisclosure.Describe(ex)})");
        }
    }
}
