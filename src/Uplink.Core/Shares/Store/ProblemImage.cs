namespace Uplink.Core.Shares.Store;

/// <summary>An image set aside or failed.</summary>
/// <param name="ShareId">The share (Uplink's own id).</param>
/// <param name="Position">The image's position in the share.</param>
/// <param name="ExamIdHash">The exam id, keyed-hashed (<see cref="StatusHashes"/>): comparable, not readable.</param>
/// <param name="State">set-aside or failed.</param>
/// <param name="Reason">Why (reasons carry no patient data).</param>
/// <param name="At">When it was last attempted, if known.</param>
public sealed record ProblemImage(string ShareId, int Position, string ExamIdHash, string State, string? Reason, long? At);
