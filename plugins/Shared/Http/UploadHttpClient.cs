using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Uplink.Plugins.Shared.Http;

/// <summary>
/// Registers an HTTP output's <see cref="UploadChannel"/> and its named client through Microsoft.Extensions.Http.Resilience: a circuit breaker
/// around a timeout per request, and no retry (see <see cref="UploadResilienceOptions"/>). Its exceptions
/// (<c>BrokenCircuitException</c>, <c>TimeoutRejectedException</c>, <see cref="HttpRequestException"/>) reach
/// <see cref="UploadChannel"/>, which turns them into results.
/// </summary>
internal static class UploadHttpClient
{
    /// <summary>The name of the resilience handler in the client's pipeline (and in Polly's telemetry).</summary>
    public const string PipelineName = "upload";

    /// <summary>Adds the channel and its named client.</summary>
    /// <param name="services">The plugin's services.</param>
    /// <param name="name">The client's name (also the category of the channel's log).</param>
    /// <param name="destination">Who the output talks to.</param>
    /// <param name="options">The output's resilience settings.</param>
    /// <param name="time">The host's clock (the plugin never reads the system clock).</param>
    /// <returns>The client's builder, for a primary handler of the output's own.</returns>
    public static IHttpClientBuilder Add(IServiceCollection services, string name, UploadDestination destination, UploadResilienceOptions options, TimeProvider time)
    {
        services.AddSingleton(sp => new UploadChannel(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(name),
            destination,
            options,
            new CredentialsLatch(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(name)));
        // The pipeline's timeout runs until the answer's headers; the client's own, twice as long, bounds reading its body.
        var client = services.AddHttpClient(name, http => http.Timeout = options.RequestTimeout * 2);
        client.AddResilienceHandler(PipelineName, pipeline =>
        {
            pipeline.TimeProvider = time;
            pipeline
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = options.BreakerMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, options.BreakDuration.TotalSeconds)),
                    BreakDuration = options.BreakDuration,
                })
                .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.RequestTimeout });
        });
        return client;
    }
}
