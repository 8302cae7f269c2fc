using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Plugins.Shared.Http;

/// <summary>
/// The one mapping from HTTP to the contract's result kinds, for every HTTP output: 401 and 403 are
/// credentials; 5xx, 408, 429, no answer in time, an open circuit and a failed connection are passing (the host
/// retries with back-off); 2xx and other 4xx are the output's to read (delivered, or refused for good).
/// </summary>
internal static class UploadFailures
{
    /// <summary>The result a status settles by itself, or null when the output must read the answer.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="said">What the destination answered.</param>
    /// <param name="destination">Who answered.</param>
    /// <returns>The result, or null.</returns>
    public static DeliveryResult? FromStatus(string key, HttpStatusCode status, string said, UploadDestination destination) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => DeliveryResult.CredentialsRejected(key, $"{said}: {destination.CredentialsHint}"),
        >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => DeliveryResult.Retry(key, $"{said}."),
        _ => null,
    };

    /// <summary>The result of a request that got no answer, or null for an exception that is not about the transport.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="exception">What the HTTP client threw.</param>
    /// <param name="what">The request, for the reason (for example <c>the upload</c>).</param>
    /// <param name="destination">Who was asked.</param>
    /// <param name="options">The output's resilience settings, for the reason.</param>
    /// <returns>A retry naming what happened (never the exception's message), or null.</returns>
    public static DeliveryResult? FromException(string key, Exception exception, string what, UploadDestination destination, UploadResilienceOptions options) => exception switch
    {
        BrokenCircuitException => DeliveryResult.Retry(key, $"{destination.Name} failed repeatedly, so the circuit is open for {options.BreakDuration.TotalSeconds:0.#} s and {what} was not attempted."),
        TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException } => DeliveryResult.Retry(key, $"{destination.Name} did not answer {what} within {options.RequestTimeout.TotalSeconds:0.#} s."),
        HttpRequestException http => DeliveryResult.Retry(key, $"{destination.Name}: the connection failed during {what} ({http.HttpRequestError})."),
        _ => null,
    };
}
