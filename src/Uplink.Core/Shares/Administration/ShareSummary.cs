namespace Uplink.Core.Shares.Administration;

/// <summary>One share as an administrator sees it: Uplink's ids, states, counts and times, never a patient value.</summary>
/// <param name="ShareId">Uplink's own share id.</param>
/// <param name="CreatedAt">When the share was recorded.</param>
/// <param name="CompletedAt">When it last ended (completed or failed), or null while it is open.</param>
/// <param name="State">The share's stored state name (queued, waiting, completed, failed).</param>
/// <param name="Reason">Why it waits or failed (reasons carry no patient data), or null.</param>
/// <param name="ExamIdHash">The exam id, keyed-hashed as <c>uplink status</c> shows it: comparable, not readable.</param>
/// <param name="ImageCount">How many images the share has.</param>
/// <param name="ImagesByState">How many images are in each stored state, in state-table order; states with none are left out.</param>
public sealed record ShareSummary(
    string ShareId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string State,
    string? Reason,
    string ExamIdHash,
    int ImageCount,
    IReadOnlyDictionary<string, int> ImagesByState);
