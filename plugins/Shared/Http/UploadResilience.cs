using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Uplink.Plugins.Shared.Http;

/// <summary>
/// The one pipeline every upload request goes through, compiled into each uploading output (plugins
/// share no code at run time): retries with exponential back-off and jitter on 5xx, 408, 429, timeouts
/// and dropped connections; a circuit breaker over them; a timeout per attempt. 401, 403 and other
/// 4xx are never retried: the outputs turn them into refusals.
/// </summary>
internal static class UploadResilience
{
    /// <summary>Builds the pipeline.</summary>
    /// <param name="settings">The output's resilience settings.</param>
    /// <param name="time">The host's clock.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Build(UploadResilienceSettings settings, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
            });
        }

        return builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, settings.BreakDuration.TotalSeconds)),
                BreakDuration = settings.BreakDuration,
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.RequestTimeout })
            .Build();
    }
}
