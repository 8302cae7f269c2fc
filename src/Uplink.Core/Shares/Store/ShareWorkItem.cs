namespace Uplink.Core.Shares.Store;

/// <summary>A share whose images are all finished, leased for its hand-off to the outputs.</summary>
/// <param name="ShareId">The share.</param>
/// <param name="ProtectedRecipient">The encrypted recipient, or null once erased.</param>
/// <param name="Attempt">Failed hand-off attempts so far.</param>
/// <param name="LeaseToken">The lease; every update is guarded by it.</param>
/// <param name="StudyInstanceUids">The anonymized studies the share delivered.</param>
/// <param name="DeliveredCount">How many images were sent.</param>
internal sealed record ShareWorkItem(
    string ShareId,
    byte[]? ProtectedRecipient,
    int Attempt,
    string LeaseToken,
    IReadOnlyList<string> StudyInstanceUids,
    int DeliveredCount);
