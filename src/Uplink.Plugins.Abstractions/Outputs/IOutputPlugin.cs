using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>
/// Delivers anonymized instances. The host calls it under supervision: a throw counts as a
/// retryable failure, never stops the host, and is retried with back-off.
/// </summary>
public interface IOutputPlugin
{
    /// <summary>Delivers a batch of instances; each gets its own result, in the same order.</summary>
    /// <param name="batch">Instances to deliver; outputs that send one at a time simply loop.</param>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>One result per instance.</returns>
    ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Called once every instance of a share is delivered or set aside: the moment to hand the
    /// recipient's contact to the destination's sharing (Tricefy's patient link). Outputs without
    /// patient sharing return <see cref="DeliveryResult.Delivered(string)"/>. Since contracts 1.3 the host does
    /// not call it for a share whose recipient has no contact (<see cref="ShareRecipient.HasContact"/>): such a
    /// share completes once its instances are delivered.
    /// </summary>
    /// <param name="share">The share, its recipient and the (anonymized) studies it produced.</param>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>The result of the hand-off.</returns>
    ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken);
}
