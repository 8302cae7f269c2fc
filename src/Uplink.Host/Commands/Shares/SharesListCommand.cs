using System.CommandLine;

namespace Uplink.Host.Commands.Shares;

/// <summary>
/// <c>uplink shares list [--limit N] [--json] [--config FILE]</c>: the newest shares with their state and image counts
/// by state; no patient data (no contact, names or image ids; exam ids only keyed-hashed).
/// </summary>
/// <param name="console">Where to print.</param>
/// <param name="time">The clock.</param>
internal sealed class SharesListCommand(ConsoleOutput console, TimeProvider time) : ICommand
{
    private readonly Option<int> _limit = SharesOptions.AtLeast(
        new Option<int>("--limit") { Description = "How many shares to list, newest first (default 50).", HelpName = "N", DefaultValueFactory = _ => 50 }, 1);

    private readonly Option<bool> _json = SharesOptions.Json();
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "shares list";

    /// <inheritdoc />
    public string Summary => "Lists the newest shares: time, state, image counts by state, hashed exam id.";

    /// <inheritdoc />
    public string Failure => "no configuration or site secrets, or the share store cannot be read";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_limit, _json, _config];

    /// <inheritdoc />
    public Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken) =>
        SharesStore.RunAsync(Name, parsed.GetValue(_config), console, time, async administration =>
        {
            var shares = administration?.ListShares(parsed.GetValue(_limit)) ?? [];
            if (parsed.GetValue(_json))
            {
                await console.Out.WriteLineAsync(SharesJson.Write(shares)).ConfigureAwait(false);
            }
            else
            {
                SharesText.WriteList(console.Out, shares);
            }

            return ExitCodes.Success;
        });
}
