using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Output.Tricefy.Delivery;
using Uplink.Output.Tricefy.Http;
using Uplink.Output.Tricefy.Sharing;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Shared.Outputs;

namespace Uplink.Output.Tricefy;

/// <summary>
/// Delivers instances to Tricefy one file per request. It declares what Tricefy takes (<see cref="TricefyAccepts"/>)
/// and uploads exactly the file the host gives it, which the host has shaped to fit (converted, or split into
/// parts with their own keys) and verified; a file that still does not fit is set aside, never transformed here.
/// Every acknowledged file is remembered so retries never upload it twice. After a 401/403 nothing more is sent
/// until the plugin is configured again (<see cref="Uplink.Plugins.Shared.Http.CredentialsLatch"/>).
/// </summary>
internal sealed class TricefyOutput(
    TricefyClient client,
    TricefyOptions options,
    DeliveryLedger ledger,
    TricefyShareHandoff handoff,
    ILoggerFactory? loggerFactory = null) : IOutputPlugin, IDeclaresAcceptance
{
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TricefyOutput>();

    /// <inheritdoc />
    public OutputAcceptance Acceptance { get; } = TricefyAccepts.For(options);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken) =>
        EachInstance.DeliverAsync(batch, DeliverOneAsync, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        var result = await handoff.SendAsync(share, cancellationToken).ConfigureAwait(false);
        if (result.Status == DeliveryStatus.Delivered)
        {
            ledger.Forget(share.ShareId);
        }

        Log.ShareHandedOff(_logger, share.ShareId, result.Status.ToString());
        return result;
    }

    private async ValueTask<DeliveryResult> DeliverOneAsync(OutboundInstance instance, CancellationToken cancellationToken)
    {
        if (ledger.IsDelivered(instance.ShareId, instance.IdempotencyKey))
        {
            return DeliveryResult.Delivered(instance.IdempotencyKey);
        }

        if (TricefyAccepts.Violation(instance, options) is { } reason)
        {
            Log.SetAside(_logger, instance.ShareId, reason);
            return DeliveryResult.SetAside(instance.IdempotencyKey, reason);
        }

        var sent = await client.UploadAsync(instance.IdempotencyKey, instance.FilePath, cancellationToken).ConfigureAwait(false);
        if (sent.Status != DeliveryStatus.Delivered)
        {
            return Report(instance, sent);
        }

        ledger.MarkDelivered(instance.ShareId, instance.IdempotencyKey);
        Log.Delivered(_logger, instance.ShareId, 1);
        return DeliveryResult.Delivered(instance.IdempotencyKey);
    }

    private DeliveryResult Report(OutboundInstance instance, DeliveryResult result)
    {
        switch (result.Status)
        {
            case DeliveryStatus.SetAside:
                Log.SetAside(_logger, instance.ShareId, result.Reason!);
                break;
            case DeliveryStatus.Retry:
                Log.WillRetry(_logger, instance.ShareId, result.Reason!);
                break;
        }

        return result;
    }
}
