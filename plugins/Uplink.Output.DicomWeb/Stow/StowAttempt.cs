namespace Uplink.Output.DicomWeb.Stow;

/// <summary>How one STOW request ended: an HTTP answer (status and parsed body), or no answer at all.</summary>
/// <param name="Status">The HTTP status, or null when no answer came.</param>
/// <param name="Said">What happened, for reasons (status and reason phrase, or the failure).</param>
/// <param name="Body">The parsed response body.</param>
internal sealed record StowAttempt(int? Status, string Said, StowResponse Body)
{
    public static StowAttempt NoAnswer(string said) => new(null, said, StowResponse.Empty);
}
