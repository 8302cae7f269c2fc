using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Plugins.Shared.Http;

/// <summary>
/// Sends an HTTP output's requests: through its resilient client (<see cref="UploadHttpClient"/>), with its
/// credentials, under the stop-after-401 rule (<see cref="CredentialsLatch"/>), and turns what the shared
/// rules settle into results (<see cref="UploadFailures"/>); the rest of the answer is the output's to read.
/// </summary>
/// <param name="http">The output's named client.</param>
/// <param name="destination">Who it talks to.</param>
/// <param name="options">Its resilience settings, for reasons.</param>
/// <param name="latch">Its credentials latch.</param>
/// <param name="logger">Where a credentials rejection is logged, once.</param>
internal sealed class UploadChannel(HttpClient http, UploadDestination destination, UploadResilienceOptions options, CredentialsLatch latch, ILogger logger)
{
    /// <summary>Sends one request, unless the credentials are known to be wrong.</summary>
    /// <param name="key">The idempotency key of what is sent.</param>
    /// <param name="what">The request, for reasons (for example <c>the upload</c>).</param>
    /// <param name="build">Builds the request; it is not built when nothing is sent.</param>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>The reply.</returns>
    public async Task<UploadReply> SendAsync(string key, string what, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        if (latch.Rejection is { } rejection)
        {
            return UploadReply.Of(DeliveryResult.CredentialsRejected(key, $"Not attempted: {rejection}"));
        }

        using var request = build();
        request.Headers.Authorization = destination.Authorization;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var said = $"{destination.Name} answered {what} with {(int)response.StatusCode} {response.ReasonPhrase}";
            if (UploadFailures.FromStatus(key, response.StatusCode, said, destination) is { } settled)
            {
                if (settled.Status == DeliveryStatus.CredentialsRejected && latch.Close(settled.Reason!))
                {
                    UploadLog.CredentialsRejected(logger, destination.Name, settled.Reason!);
                }

                return UploadReply.Of(settled);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new UploadReply(null, (int)response.StatusCode, said, body);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && UploadFailures.FromException(key, ex, what, destination, options) is { } failed)
        {
            return UploadReply.Of(failed);
        }
    }
}
