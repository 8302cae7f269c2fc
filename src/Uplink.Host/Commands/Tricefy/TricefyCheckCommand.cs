using System.CommandLine;
using Uplink.Host.Tricefy;

namespace Uplink.Host.Commands.Tricefy;

/// <summary>
/// <c>uplink tricefy check --endpoint URL --email E</c>: verifies Tricefy credentials with the documented
/// <c>GET</c> on the upload endpoint. The token comes from <c>UPLINK_TRICEFY_TOKEN</c> or, with
/// <c>--token-stdin</c>, from the first line of standard input; it is never printed.
/// </summary>
internal sealed class TricefyCheckCommand(ConsoleOutput console) : ICommand
{
    private const string TokenVariable = "UPLINK_TRICEFY_TOKEN";
    private readonly Option<string> _endpoint = new("--endpoint") { Description = "Tricefy's upload endpoint, e.g. https://tricefy4.com/dicomweb/studies (https, or http to loopback only).", HelpName = "URL" };
    private readonly Option<string> _email = new("--email") { Description = "The Tricefy user's e-mail.", HelpName = "EMAIL" };
    private readonly Option<bool> _tokenStdin = new("--token-stdin") { Description = $"Read the API token from the first line of standard input instead of {TokenVariable}." };

    /// <inheritdoc />
    public string Name => "tricefy check";

    /// <inheritdoc />
    public string Summary => "Verifies Tricefy credentials (GET on the upload endpoint).";

    /// <inheritdoc />
    public string Failure => "Tricefy refused the credentials or could not be reached";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_endpoint, _email, _tokenStdin];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var endpoint = parsed.GetValue(_endpoint) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        var email = parsed.GetValue(_email);
        var token = parsed.GetValue(_tokenStdin) ? await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) : Environment.GetEnvironmentVariable(TokenVariable);
        var error = endpoint is null ? "--endpoint needs an absolute URL, e.g. https://tricefy4.com/dicomweb/studies" : null;
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
        var (accepted, message) = await TricefyCredentialCheck.RunAsync(endpoint, email, token, cancellationToken).ConfigureAwait(false);
        await (accepted ? console.Out : console.Error).WriteLineAsync(message).ConfigureAwait(false);
        return accepted ? ExitCodes.Success : ExitCodes.Failed;
    }
}
