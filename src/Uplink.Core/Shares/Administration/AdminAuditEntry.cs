namespace Uplink.Core.Shares.Administration;

/// <summary>One administrator's action, as the admin audit log keeps it.</summary>
/// <param name="Id">The entry's number, increasing.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who, as the caller named them (for example <c>cli:alice</c> or <c>admin page</c>).</param>
/// <param name="Action">retry-image, retry-share or discard-image.</param>
/// <param name="ShareId">The share, or null when what was asked for is not a share id.</param>
/// <param name="Position">The image's position, or null for a whole share.</param>
/// <param name="Outcome">done or refused.</param>
/// <param name="Detail">The result's message.</param>
public sealed record AdminAuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? ShareId, int? Position, string Outcome, string Detail);
