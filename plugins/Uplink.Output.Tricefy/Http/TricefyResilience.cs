using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Uplink.Output.Tricefy.Http;

/// <summary>
/// The one pipeline every Tricefy request goes through: retries (exponential back-off with jitter) on
/// 5xx, 408, 429, timeouts and dropped connections; a circuit breaker over them; and a timeout per attempt
/// within Tricefy's 60 s per connection. 401 and 403 are never retried.
/// </summary>
internal static class TricefyResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(TricefyOptions options, TimeProvider time)
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

    /// <summary>True for the statuses that mean the credentials are wrong.</summary>
    public static bool IsCredentialsRejection(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
