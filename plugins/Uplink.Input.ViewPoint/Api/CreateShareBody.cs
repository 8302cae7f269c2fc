namespace Uplink.Input.ViewPoint.Api;

/// <summary>A well-formed <c>POST /api/v1/shares</c> body.</summary>
/// <param name="RequestId">The caller's idempotency key.</param>
/// <param name="ExamId">The exam id.</param>
/// <param name="ImageIds">The image ids, in order.</param>
/// <param name="Email">The patient's e-mail, or null.</param>
/// <param name="Phone">The patient's phone, or null.</param>
internal sealed record CreateShareBody(string RequestId, string ExamId, IReadOnlyList<string> ImageIds, string? Email, string? Phone);
