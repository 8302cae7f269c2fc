using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.TestPlugins.DuplicateId;

internal sealed class DuplicateIdOutput : IOutputPlugin
{
    public ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<DeliveryResult>>([.. batch.Select(i => DeliveryResult.Delivered(i.IdempotencyKey))]);

    public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
}
