namespace Uplink.Plugins.Shared.Http;

/// <summary>The resilience settings every uploading output exposes, whatever its protocol.</summary>
/// <param name="MaxRetryAttempts">Retries of one request after a passing failure.</param>
/// <param name="RetryBaseDelay">The first back-off delay; it doubles per attempt, with jitter.</param>
/// <param name="BreakerMinimumThroughput">Requests in the sampling window before the breaker may open.</param>
/// <param name="BreakDuration">How long the circuit stays open before one trial request.</param>
/// <param name="RequestTimeout">The budget of one attempt.</param>
internal sealed record UploadResilienceSettings(
    int MaxRetryAttempts,
    TimeSpan RetryBaseDelay,
    int BreakerMinimumThroughput,
    TimeSpan BreakDuration,
    TimeSpan RequestTimeout);
