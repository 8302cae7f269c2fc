namespace Uplink.Core.Shares.Store;

/// <summary>What the store knows of one output's recent deliveries and hand-offs. Times are Unix milliseconds.</summary>
/// <param name="OutputId">The output plugin's id.</param>
/// <param name="LastSuccessAt">The last accepted delivery or hand-off, or null.</param>
/// <param name="LastFailureAt">The last failed one (retry or refusal), or null.</param>
/// <param name="FailingSince">The first failure after the last success when the last attempt failed, else null.</param>
public sealed record OutputHistory(string OutputId, long? LastSuccessAt, long? LastFailureAt, long? FailingSince);
