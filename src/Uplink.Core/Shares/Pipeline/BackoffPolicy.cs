using Microsoft.Extensions.Options;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Exponential back-off with "equal jitter": attempt <c>n</c> waits between half and all of
/// <c>min(max, base × 2ⁿ)</c>, so retries of many images spread out instead of arriving together.
/// </summary>
internal sealed class BackoffPolicy(IOptions<PipelineOptions> options, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    /// <summary>The delay before the next attempt.</summary>
    /// <param name="failedAttempts">How many attempts have failed before (0 for the first retry).</param>
    /// <returns>The delay.</returns>
    public TimeSpan Delay(int failedAttempts)
    {
        var settings = options.Value;
        var exponent = Math.Clamp(failedAttempts, 0, 30);
        var ceiling = Math.Min(settings.RetryMaxDelay.TotalMilliseconds, settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var half = ceiling / 2;
        return TimeSpan.FromMilliseconds(half + (_random.NextDouble() * half));
    }
}
