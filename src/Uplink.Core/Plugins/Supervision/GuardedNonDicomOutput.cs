using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>An output's non-DICOM channel whose throws and missing answers become retryable results.</summary>
/// <param name="pluginId">The plugin id.</param>
/// <param name="inner">The plugin's non-DICOM channel.</param>
/// <param name="states">The status registry.</param>
/// <param name="logger">Where faults are logged.</param>
internal sealed class GuardedNonDicomOutput(string pluginId, INonDicomOutput inner, PluginStates states, ILogger logger) : INonDicomOutput
{
    /// <inheritdoc />
    public async ValueTask<DeliveryResult> DeliverNonDicomAsync(OutboundDocument document, CancellationToken cancellationToken)
    {
        try
        {
            var result = await inner.DeliverNonDicomAsync(document, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                states.MarkFaulted(pluginId, $"output {pluginId} returned no result for a document");
                return DeliveryResult.Retry(document.IdempotencyKey, $"output {pluginId} returned no result");
            }

            states.MarkRecovered(pluginId);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(logger, pluginId, nameof(DeliverNonDicomAsync), ExceptionDisclosure.Describe(ex));
            states.MarkFaulted(pluginId, ExceptionDisclosure.Threw("output", ex));
            return DeliveryResult.Retry(document.IdempotencyKey, ExceptionDisclosure.Threw($"output {pluginId}", ex));
        }
    }
}
