using Uplink.Output.DicomWeb.Http;
using Uplink.Output.DicomWeb.Stow;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomWeb;

/// <summary>
/// Delivers instances by DICOMweb STOW-RS in batches within the configured size, and gives each instance
/// its own outcome from the server's answer. When a batch is refused as a whole (400, 413, or 409 without
/// detail), it is split and re-sent so only the guilty instance is set aside. After a 401/403 the rest of
/// the delivery is not attempted.
/// </summary>
internal sealed class DicomWebOutput(StowClient client, DicomWebOptions options) : IOutputPlugin
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new Dictionary<OutboundInstance, DeliveryResult>(ReferenceEqualityComparer.Instance);
        DeliveryResult? rejected = null;
        foreach (var chunk in StowBatcher.Cut(batch, options.MaxBatchBytes, options.MaxBatchInstances))
        {
            if (rejected is not null)
            {
                chunk.ForEach(i => results[i] = DeliveryResult.CredentialsRejected(i.IdempotencyKey, $"Not attempted: {rejected.Reason}"));
                continue;
            }

            await SendAsync(chunk, results, cancellationToken).ConfigureAwait(false);
            rejected = chunk.Select(i => results[i]).FirstOrDefault(r => r.Status == DeliveryStatus.CredentialsRejected);
        }

        return [.. batch.Select(i => results[i])];
    }

    /// <inheritdoc />
    public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        return ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
    }

    private async Task SendAsync(IReadOnlyList<OutboundInstance> chunk, Dictionary<OutboundInstance, DeliveryResult> results, CancellationToken cancellationToken)
    {
        var attempt = await client.SendAsync(chunk, cancellationToken).ConfigureAwait(false);
        var mapped = StowOutcome.Map(attempt, chunk);
        if (mapped is null)
        {
            foreach (var single in chunk)
            {
                await SendAsync([single], results, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var unresolved = new List<OutboundInstance>();
        for (var i = 0; i < chunk.Count; i++)
        {
            if (mapped[i] is { } result)
            {
                results[chunk[i]] = result;
            }
            else
            {
                unresolved.Add(chunk[i]);
            }
        }

        if (unresolved.Count > 0)
        {
            await SendAsync(unresolved, results, cancellationToken).ConfigureAwait(false);
        }
    }
}
