using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Plugins.Shared.Outputs;

/// <summary>How an output that sends one instance at a time answers a batch: in order, one result each.</summary>
internal static class EachInstance
{
    /// <summary>Delivers the instances one after the other.</summary>
    /// <param name="batch">The instances, as the host gave them.</param>
    /// <param name="deliver">Delivers one instance.</param>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>One result per instance, in the same order.</returns>
    public static async ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(
        IReadOnlyList<OutboundInstance> batch,
        Func<OutboundInstance, CancellationToken, ValueTask<DeliveryResult>> deliver,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new DeliveryResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = await deliver(batch[i], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }
}
