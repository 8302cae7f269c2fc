using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Uplink.Host.Demo;

/// <summary>Calls the ViewPoint API over HTTP the way ViewPoint does: bearer key, JSON, then polling.</summary>
internal sealed class DemoViewPointClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public DemoViewPointClient(Uri apiUrl, string apiKey, TimeProvider time)
    {
        _http = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _time = time;
    }

    /// <summary>Waits until the API answers (the host has loaded its plugins and the input listens).</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the API answers.</returns>
    /// <exception cref="TimeoutException">The API did not answer in time.</exception>
    public async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (_time.GetElapsedTime(started) < timeout)
            {
            }

            if (_time.GetElapsedTime(started) >= timeout)
            {
                throw new TimeoutException($"The ViewPoint API at {_http.BaseAddress} did not answer within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Posts a share.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="examId">The exam id.</param>
    /// <param name="imageIds">The image ids.</param>
    /// <param name="email">The recipient's e-mail.</param>
    /// <param name="phone">The recipient's phone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The HTTP status and the answer's JSON.</returns>
    public async Task<(HttpStatusCode Status, JsonElement Body)> ShareAsync(string requestId, string examId, IEnumerable<string> imageIds, string? email, string? phone, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["requestId"] = requestId,
            ["examId"] = examId,
            ["imageIds"] = new JsonArray([.. imageIds.Select(i => JsonValue.Create(i))]),
            ["recipient"] = new JsonObject { ["email"] = email, ["phone"] = phone },
        };
        using var response = await _http.PostAsJsonAsync(new Uri("/api/v1/shares", UriKind.Relative), body, cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, await ReadAsync(response, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reads a share's status.</summary>
    /// <param name="shareId">The share id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status JSON.</returns>
    public async Task<JsonElement> StatusAsync(string shareId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/shares/{shareId}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls a share until it is completed or failed.</summary>
    /// <param name="shareId">The share id.</param>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The final status JSON.</returns>
    /// <exception cref="TimeoutException">The share did not end in time; the message carries its last status.</exception>
    public async Task<JsonElement> WaitForEndAsync(string shareId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var status = await StatusAsync(shareId, cancellationToken).ConfigureAwait(false);
            if (status.GetProperty("status").GetString() is "completed" or "failed")
            {
                return status;
            }

            if (_time.GetElapsedTime(started) >= timeout)
            {
                throw new TimeoutException($"Share {shareId} did not end within {timeout.TotalSeconds:0} s; last status: {status}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
