using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Uplink.Host.Tricefy;

/// <summary>
/// Tricefy's documented credential check: a <c>GET</c> on the upload endpoint with
/// <c>Authorization: Basic base64(email:token)</c>. Used by <c>uplink setup</c> and <c>uplink tricefy check</c>.
/// </summary>
internal static class TricefyCredentialCheck
{
    /// <summary>Runs the check. The message names the endpoint and status, never the token.</summary>
    /// <param name="endpoint">The upload endpoint.</param>
    /// <param name="email">The Tricefy user's e-mail.</param>
    /// <param name="token">The account's API token.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether Tricefy accepted the credentials, and a line saying what happened.</returns>
    public static async Task<(bool Accepted, string Message)> RunAsync(Uri endpoint, string email, string token, CancellationToken cancellationToken)
    {
        if (endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback)
        {
            return (false, $"{endpoint} is not https://: credentials go to Tricefy over TLS only");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (true, $"Tricefy accepted the credentials at {endpoint} ({(int)response.StatusCode}).");
            }

            var meaning = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? "the e-mail or API token is wrong or revoked"
                : "the endpoint did not accept the check";
            return (false, $"Tricefy answered {(int)response.StatusCode} {response.ReasonPhrase}: {meaning}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, $"Could not reach {endpoint}: {ex.Message}");
        }
    }
}
