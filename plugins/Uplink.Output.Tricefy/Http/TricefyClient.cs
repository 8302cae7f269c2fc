using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.Tricefy.Http;

/// <summary>
/// Tricefy's published API: <c>POST {endpoint}</c> with one raw Part 10 file as <c>application/dicom</c>,
/// <c>GET {endpoint}</c> to verify credentials; Basic <c>email:token</c>. Every answer becomes a
/// <see cref="DeliveryResult"/>: 2xx delivered, 401/403 credentials rejected, other 4xx set aside,
/// 5xx/408/429/timeouts/dropped connections retried (here first, then by the host).
/// </summary>
internal sealed class TricefyClient(HttpClient http, TricefyOptions options, ResiliencePipeline<HttpResponseMessage> pipeline)
{
    private const int MaxServerMessage = 200;
    private readonly AuthenticationHeaderValue _authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.Token}")));

    /// <summary>Uploads one file.</summary>
    public Task<DeliveryResult> UploadAsync(string key, string path, CancellationToken cancellationToken) =>
        SendAsync(key, "the upload", () =>
        {
            var stream = File.OpenRead(path);
            var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            content.Headers.ContentLength = stream.Length;
            return new HttpRequestMessage(HttpMethod.Post, options.Endpoint) { Content = content };
        }, cancellationToken);

    /// <summary>The documented credential check: <c>GET</c> on the endpoint.</summary>
    public Task<DeliveryResult> VerifyAsync(CancellationToken cancellationToken) =>
        SendAsync("credentials", "the credential check", () => new HttpRequestMessage(HttpMethod.Get, options.Endpoint), cancellationToken);

    /// <summary>Sends a request built fresh for each attempt (a body stream cannot be replayed).</summary>
    public async Task<DeliveryResult> SendAsync(string key, string what, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = build();
                    request.Headers.Authorization = _authorization;
                    return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return await MapAsync(key, what, response, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            return DeliveryResult.Retry(key, $"Tricefy failed repeatedly, so the circuit is open for {options.BreakDuration.TotalSeconds:0.#} s and {what} was not attempted.");
        }
        catch (TimeoutRejectedException)
        {
            return DeliveryResult.Retry(key, $"Tricefy did not answer {what} within {options.RequestTimeout.TotalSeconds:0.#} s, after {options.MaxRetryAttempts + 1} attempts.");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryResult.Retry(key, $"The connection to Tricefy failed during {what} ({ex.HttpRequestError}), after {options.MaxRetryAttempts + 1} attempts.");
        }
    }

    private async Task<DeliveryResult> MapAsync(string key, string what, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return DeliveryResult.Delivered(key);
        }

        var said = $"Tricefy answered {what} with {status} {response.ReasonPhrase}";
        if (TricefyResilience.IsCredentialsRejection(response.StatusCode))
        {
            return DeliveryResult.CredentialsRejected(key, $"{said}: the e-mail or API token is wrong or revoked; fix them with 'uplink setup'.");
        }

        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            return DeliveryResult.Retry(key, $"{said}, after {options.MaxRetryAttempts + 1} attempts.");
        }

        var message = await ReadMessageAsync(response, cancellationToken).ConfigureAwait(false);
        return DeliveryResult.SetAside(key, message.Length == 0 ? $"{said}." : $"{said}: {message}");
    }

    private static async Task<string> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var printable = new string([.. text.Where(c => !char.IsControl(c)).Take(MaxServerMessage)]);
        return printable.Trim();
    }
}
