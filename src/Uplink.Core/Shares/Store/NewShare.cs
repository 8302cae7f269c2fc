namespace Uplink.Core.Shares.Store;

/// <summary>A share about to be recorded.</summary>
/// <param name="ShareId">The new share's id (used only when the request id is new).</param>
/// <param name="RequestId">The caller's idempotency key.</param>
/// <param name="ExamId">The caller's exam id.</param>
/// <param name="SourcePluginId">The input plugin whose image source resolves the ids.</param>
/// <param name="ImageIds">The image ids, in request order.</param>
/// <param name="ProtectedRecipient">The recipient, already encrypted.</param>
internal sealed record NewShare(
    string ShareId,
    string RequestId,
    string ExamId,
    string SourcePluginId,
    IReadOnlyList<string> ImageIds,
    byte[] ProtectedRecipient);
