using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Plugins.Shared.Http;

/// <summary>
/// What one request came to: settled by the shared rules (<see cref="UploadFailures"/>: no answer, credentials,
/// a passing server fault, or the latch closed), or an answer only the output can read (2xx, or another 4xx).
/// </summary>
/// <param name="Settled">The result the shared rules gave, or null when the output reads the answer.</param>
/// <param name="Status">The HTTP status, or 0 when settled without an answer.</param>
/// <param name="Said">What the destination answered, for reasons (for example <c>Tricefy answered the upload with 413 Payload Too Large</c>).</param>
/// <param name="Body">The answer's body.</param>
internal sealed record UploadReply(DeliveryResult? Settled, int Status, string Said, string Body)
{
    private const int MaxServerMessage = 200;

    /// <summary>A reply settled without an answer to read.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The reply.</returns>
    public static UploadReply Of(DeliveryResult result) => new(result, 0, result.Reason ?? string.Empty, string.Empty);

    /// <summary>The body's first printable characters, for a reason (the destination's own words on a refusal).</summary>
    public string Message => new string([.. Body.Where(c => !char.IsControl(c)).Take(MaxServerMessage)]).Trim();
}
