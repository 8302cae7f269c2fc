namespace Uplink.Core.Shares.Administration;

/// <summary>One image of a share, for an administrator.</summary>
/// <param name="Position">Its position in the share, from 0 (what <c>uplink shares retry --image</c> takes).</param>
/// <param name="State">Its stored state name.</param>
/// <param name="Reason">Why it waits, was set aside or failed, or null.</param>
/// <param name="Attempts">Failed tries at its current stage (reset when a stage succeeds or an administrator retries it).</param>
/// <param name="Deliveries">The outputs that have it.</param>
/// <param name="LastError">Its latest attempt that did not succeed, or null.</param>
public sealed record ShareImageDetail(
    int Position,
    string State,
    string? Reason,
    int Attempts,
    IReadOnlyList<ImageDelivery> Deliveries,
    ImageAttempt? LastError);
