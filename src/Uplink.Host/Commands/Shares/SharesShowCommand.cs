using System.CommandLine;

namespace Uplink.Host.Commands.Shares;

/// <summary>
/// <c>uplink shares show SHARE [--json] [--config FILE]</c>: one share and each of its images (state, reason, attempts,
/// the outputs that have it, its last error); no patient data.
/// </summary>
/// <param name="console">Where to print.</param>
/// <param name="time">The clock.</param>
internal sealed class SharesShowCommand(ConsoleOutput console, TimeProvider time) : ICommand
{
    private readonly Argument<string> _share = SharesOptions.Share();
    private readonly Option<bool> _json = SharesOptions.Json();
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "shares show";

    /// <inheritdoc />
    public string Summary => "Shows one share and each image's state, reason, attempts, deliveries and last error.";

    /// <inheritdoc />
    public string Failure => "no such share, no configuration or site secrets, or the share store cannot be read";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_share, _json, _config];

    /// <inheritdoc />
    public Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken) =>
        SharesStore.RunAsync(Name, parsed.GetValue(_config), console, time, async administration =>
        {
            var shareId = parsed.GetRequiredValue(_share);
            if (administration?.ShowShare(shareId) is not { } detail)
            {
                await console.Error.WriteLineAsync($"uplink {Name}: there is no share with that id (see 'uplink shares list')").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (parsed.GetValue(_json))
            {
                await console.Out.WriteLineAsync(SharesJson.Write(detail)).ConfigureAwait(false);
            }
            else
            {
                SharesText.WriteDetail(console.Out, detail);
            }

            return ExitCodes.Success;
        });
}
