using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Uplink.Output.DicomWeb.Http;

/// <summary>
/// The pipeline every STOW request goes through, with the same rules as the Tricefy output: retries with
/// exponential back-off and jitter on 5xx, 408, 429, timeouts and dropped connections; a circuit breaker;
/// a timeout per attempt. 401/403 and other 4xx are never retried.
/// </summary>
internal static class DicomWebResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(DicomWebOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
            });
        }

        return builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, options.BreakDuration.TotalSeconds)),
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.RequestTimeout })
            .Build();
    }
}
