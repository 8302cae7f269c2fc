namespace Uplink.Core.Shares.Administration;

/// <summary>One recorded attempt at a stage of an image.</summary>
/// <param name="Stage">fetch, anonymize or deliver.</param>
/// <param name="OutputId">The output, for deliver; otherwise null.</param>
/// <param name="Outcome">What happened (retry, set-aside, discarded, failed).</param>
/// <param name="Reason">Why (reasons carry no patient data), or null.</param>
/// <param name="At">When.</param>
public sealed record ImageAttempt(string Stage, string? OutputId, string Outcome, string? Reason, DateTimeOffset At);
