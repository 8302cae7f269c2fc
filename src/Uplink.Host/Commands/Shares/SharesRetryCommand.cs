using System.CommandLine;

namespace Uplink.Host.Commands.Shares;

/// <summary>
/// <c>uplink shares retry SHARE [--image N] [--config FILE]</c>: queues a failed or set-aside image (or every one of
/// the share) again once its cause is fixed; a running <c>uplink run</c> takes it up at its next poll. Recorded in
/// the admin audit log as <c>cli:</c> and the operating-system user.
/// </summary>
/// <param name="console">Where to print.</param>
/// <param name="time">The clock.</param>
internal sealed class SharesRetryCommand(ConsoleOutput console, TimeProvider time) : ICommand
{
    private readonly Argument<string> _share = SharesOptions.Share();
    private readonly Option<int?> _image = SharesOptions.Image("The image's position in the share, from 0 (default: every failed or set-aside image of the share).", required: false);
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "shares retry";

    /// <inheritdoc />
    public string Summary => "Queues a failed or set-aside image, or every one of a share, again (admin audit log).";

    /// <inheritdoc />
    public string Failure => "refused (no such share or image, or nothing failed or set aside), no configuration, or the store cannot be used";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_share, _image, _config];

    /// <inheritdoc />
    public Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken) =>
        SharesStore.ActAsync(Name, parsed.GetValue(_config), console, time, (administration, actor) =>
            parsed.GetValue(_image) is { } position
                ? administration.RetryImage(parsed.GetRequiredValue(_share), position, actor)
                : administration.RetryShare(parsed.GetRequiredValue(_share), actor));
}
