using System.CommandLine;
using Uplink.Core.Plugins.Trust;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands.Plugins;

/// <summary>
/// <c>uplink plugins trust ID [--config FILE]</c>: an admin approves a drop-in plugin. The SHA-256 of
/// every file in its folder goes into the trust store; any later change makes the host refuse it.
/// </summary>
/// <param name="console">Where to print.</param>
/// <param name="time">The clock for the approval's date.</param>
internal sealed class PluginsTrustCommand(ConsoleOutput console, TimeProvider time) : ICommand
{
    private readonly Argument<string> _id = new("ID") { Description = "The plugin's id, as 'uplink plugins' lists it." };
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "plugins trust";

    /// <inheritdoc />
    public string Summary => "Approves a plugin: records the SHA-256 of every file in its folder.";

    /// <inheritdoc />
    public string Failure => "no such plugin, it cannot be read, or there is no configuration";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_id, _config];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        UplinkConfigurationSource source;
        try
        {
            source = UplinkConfigurationSource.Load(parsed.GetValue(_config));
        }
        catch (FileNotFoundException ex)
        {
            await console.Error.WriteLineAsync($"uplink plugins trust: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var approval = PluginApproval.Approve(source.HostSettings, parsed.GetRequiredValue(_id), time);
        if (!approval.Approved)
        {
            await console.Error.WriteLineAsync($"uplink plugins trust: {approval.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await console.Out.WriteLineAsync(approval.Message).ConfigureAwait(false);
        if (approval.Note is { } note)
        {
            await console.Out.WriteLineAsync($"Note: {note}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
