namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>The host's durable share queue, as inputs see it.</summary>
public interface IShareIntake
{
    /// <summary>
    /// Records a share durably and returns its receipt. Submitting the same
    /// <see cref="ShareRequest.RequestId"/> again returns the existing share instead of a second one.
    /// </summary>
    /// <param name="request">The share to record.</param>
    /// <param name="cancellationToken">Cancels the wait, not a share already recorded.</param>
    /// <returns>The receipt; <see cref="ShareReceipt.Created"/> is false for a repeated request id.</returns>
    Task<ShareReceipt> SubmitAsync(ShareRequest request, CancellationToken cancellationToken);

    /// <summary>The status of a share and of each of its images, with no patient data in it.</summary>
    /// <param name="shareId">The id from a <see cref="ShareReceipt"/>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The status, or <see langword="null"/> when no such share exists.</returns>
    Task<ShareStatusReport?> GetStatusAsync(string shareId, CancellationToken cancellationToken);
}
