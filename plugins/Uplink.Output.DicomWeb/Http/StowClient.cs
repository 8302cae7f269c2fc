using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Uplink.Output.DicomWeb.Stow;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomWeb.Http;

/// <summary>Sends one STOW-RS request through the resilience pipeline and reads the answer.</summary>
internal sealed class StowClient(HttpClient http, DicomWebOptions options, ResiliencePipeline<HttpResponseMessage> pipeline)
{
    /// <summary>The name of the plugin's <see cref="IHttpClientFactory"/> client.</summary>
    public const string ClientName = "Uplink.Output.DicomWeb";

    private readonly AuthenticationHeaderValue? _authorization = options switch
    {
        { BearerToken: { } token } => new AuthenticationHeaderValue("Bearer", token),
        { Username: { } user, Password: { } password } => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))),
        _ => null,
    };

    public async Task<StowAttempt> SendAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken)
    {
        var tries = options.MaxRetryAttempts + 1;
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = StowRequest.Build(options.StudiesEndpoint, batch);
                    request.Headers.Authorization = _authorization;
                    return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new StowAttempt((int)response.StatusCode, $"{(int)response.StatusCode} {response.ReasonPhrase}", StowResponse.Parse(body));
        }
        catch (BrokenCircuitException)
        {
            return StowAttempt.NoAnswer($"the server failed repeatedly, so the circuit is open for {options.BreakDuration.TotalSeconds:0.#} s and the request was not attempted");
        }
        catch (TimeoutRejectedException)
        {
            return StowAttempt.NoAnswer($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s, after {tries} attempts");
        }
        catch (HttpRequestException ex)
        {
            return StowAttempt.NoAnswer($"the connection failed ({ex.HttpRequestError}), after {tries} attempts");
        }
    }
}
