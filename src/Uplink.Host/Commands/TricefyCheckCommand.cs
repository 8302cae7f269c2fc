using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Uplink.Host.Commands;

/// <summary>
/// <c>uplink tricefy check --endpoint URL --email E</c>: verifies Tricefy credentials with the documented
/// <c>GET</c> on the upload endpoint. The token comes from <c>UPLINK_TRICEFY_TOKEN</c> or, with
/// <c>--token-stdin</c>, from the first line of standard input; it is never printed.
/// </summary>
internal sealed class TricefyCheckCommand(ConsoleOutput console) : ICommand
{
    private const string TokenVariable = "UPLINK_TRICEFY_TOKEN";
    private static readonly HashSet<string> Options = ["--endpoint", "--email"];
    private static readonly HashSet<string> Flags = ["--token-stdin"];

    public string Name => "tricefy check";

    public string Summary => "Verifies Tricefy credentials (GET on the upload endpoint).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = TricefyArguments.Parse(args, Options, Flags, out var error);
        var endpoint = parsed?.Get("--endpoint") is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        var email = parsed?.Get("--email");
        var token = parsed is null ? null : parsed.Has("--token-stdin") ? await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) : Environment.GetEnvironmentVariable(TokenVariable);
        error ??= endpoint is null ? "--endpoint needs an absolute URL, e.g. https://tricefy4.com/dicomweb/studies" : null;
        error ??= endpoint!.Scheme == Uri.UriSchemeHttps || endpoint.IsLoopback ? null : "--endpoint must be https:// (plain http only to loopback)";
        error ??= string.IsNullOrWhiteSpace(email) ? "--email is required (the Tricefy user's e-mail)" : null;
        error ??= string.IsNullOrWhiteSpace(token) ? $"no token: set {TokenVariable} or pass --token-stdin" : null;
        if (error is not null)
        {
            await console.Error.WriteLineAsync($"uplink tricefy check: {error}.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await CheckAsync(endpoint!, email!, token!.Trim(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> CheckAsync(Uri endpoint, string email, string token, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await console.Out.WriteLineAsync($"Tricefy accepted the credentials at {endpoint} ({(int)response.StatusCode}).").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var meaning = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? "the e-mail or API token is wrong or revoked"
                : "the endpoint did not accept the check";
            await console.Error.WriteLineAsync($"Tricefy answered {(int)response.StatusCode} {response.ReasonPhrase}: {meaning}.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"Could not reach {endpoint}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
