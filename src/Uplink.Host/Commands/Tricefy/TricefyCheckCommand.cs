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
        var (accepted, message) = await TricefyCredentialCheck.RunAsync(endpoint, email, token, cancellationToken).ConfigureAwait(false);
        await (accepted ? console.Out : console.Error).WriteLineAsync(message).ConfigureAwait(false);
        return accepted ? ExitCodes.Success : ExitCodes.Failed;
    }
}
