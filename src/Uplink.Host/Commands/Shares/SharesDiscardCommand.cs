using System.CommandLine;

namespace Uplink.Host.Commands.Shares;

/// <summary>
/// <c>uplink shares discard SHARE --image N [--config FILE]</c>: discards a set-aside image for good (what the spool
/// keeps of it is deleted). Recorded in the admin audit log as <c>cli:</c> and the operating-system user.
/// </summary>
/// <param name="console">Where to print.</param>
/// <param name="time">The clock.</param>
internal sealed class SharesDiscardCommand(ConsoleOutput console, TimeProvider time) : ICommand
{
    private readonly Argument<string> _share = SharesOptions.Share();
    private readonly Option<int?> _image = SharesOptions.Image("The set-aside image's position in the share, from 0.", required: true);
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "shares discard";

    /// <inheritdoc />
    public string Summary => "Discards a set-aside image for good (admin audit log).";

    /// <inheritdoc />
    public string Failure => "refused (no such share or image, or the image is not set aside), no configuration, or the store cannot be used";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_share, _image, _config];

    /// <inheritdoc />
    public Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken) =>
        SharesStore.ActAsync(Name, parsed.GetValue(_config), console, time, (administration, actor) =>
            administration.DiscardImage(parsed.GetRequiredValue(_share), parsed.GetValue(_image)!.Value, actor));
}
