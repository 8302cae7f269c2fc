using Microsoft.Extensions.Logging;
using Uplink.Core.Shares.Pipeline;
using Uplink.Core.Shares.Protection;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares;

/// <summary>
/// The durable share queue as inputs see it: a share is committed to SQLite (recipient encrypted)
/// before <see cref="SubmitAsync"/> returns, and a repeated request id finds the share it made.
/// </summary>
internal sealed class ShareIntake(
    ShareRepository repository,
    RecipientProtector protector,
    PipelineSignal signal,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<ShareIntake> logger) : IShareIntake
{
    /// <inheritdoc />
    public Task<ShareReceipt> SubmitAsync(ShareRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        Validate(request);
        var shareId = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var receipt = repository.Add(new NewShare(
            shareId,
            request.RequestId,
            request.ExamId,
            request.SourcePluginId,
            request.ImageIds,
            protector.Protect(shareId, request.Recipient)));
        if (receipt.Created)
        {
            PipelineLog.ShareRecorded(logger, receipt.ShareId, request.ImageIds.Count, request.SourcePluginId);
            metrics.ShareAccepted();
            signal.Pulse();
        }

        return Task.FromResult(receipt);
    }

    /// <inheritdoc />
    public Task<ShareStatusReport?> GetStatusAsync(string shareId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(string.IsNullOrEmpty(shareId) ? null : repository.GetStatus(shareId));
    }

    private static void Validate(ShareRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.RequestId))
        {
            throw new ArgumentException("The share request has no request id.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.SourcePluginId))
        {
            throw new ArgumentException("The share request names no source input plugin.", nameof(request));
        }

        if (request.ImageIds is null || request.ImageIds.Count == 0)
        {
            throw new ArgumentException("The share request has no image ids.", nameof(request));
        }

        // A recipient without contact (ShareRecipient.None) is a routing share: its images are delivered and no
        // output is asked for a patient link. Inputs that take contacts from callers validate them themselves.
        if (request.Recipient is null)
        {
            throw new ArgumentException("The share request has no recipient (ShareRecipient.None routes without a patient link).", nameof(request));
        }
    }
}
