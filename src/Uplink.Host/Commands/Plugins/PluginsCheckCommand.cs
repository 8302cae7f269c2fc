using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands.Plugins;

/// <summary>
/// <c>uplink plugins check [ID] [--config FILE]</c>: runs the connection or credential check of every active plugin
/// that has one (or of the one named), with the configured settings, sealed ones opened in memory; one line per
/// plugin, never a secret.
/// </summary>
/// <param name="console">Where to print.</param>
internal sealed class PluginsCheckCommand(ConsoleOutput console) : ICommand
{
    private readonly Argument<string?> _id = new("ID") { Description = "Check only this plugin (default: every active plugin that has a check).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "plugins check";

    /// <inheritdoc />
    public string Summary => "Checks each active plugin's connection or credentials (for example Tricefy's GET).";

    /// <inheritdoc />
    public string Failure => "a check failed, the plugin is not active or has no check, or there is no configuration";

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
        catch (Exception ex) when (ex is FileNotFoundException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync($"uplink plugins check: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        using var system = PluginSystem.Load(source.HostSettings, source.Selection, source.PluginSettings, NullLoggerFactory.Instance, TimeProvider.System);
        var id = parsed.GetValue(_id);
        var setups = system.Setups.Where(s => id is null || string.Equals(s.PluginId, id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (id is not null && setups.Count == 0)
        {
            var state = system.States.Find(id);
            var why = state is null ? $"no plugin with id '{id}' in {source.HostSettings.PluginsDirectory}"
                : !state.Active ? $"{state.Id} is not active ({state.ActiveReason})"
                : state.Status is PluginStatus.Loaded or PluginStatus.ConfigureFailed ? $"{state.Id} has no check"
                : $"{state.Id} is refused ({state.Status}): {state.Reason}";
            await console.Error.WriteLineAsync($"uplink plugins check: {why}.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (setups.Count == 0)
        {
            await console.Out.WriteLineAsync("No active plugin has a check.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var failed = false;
        foreach (var setup in setups)
        {
            var check = await setup.CheckAsync(cancellationToken).ConfigureAwait(false);
            failed |= !check.IsOk;
            await (check.IsOk ? console.Out : console.Error).WriteLineAsync($"{setup.PluginId}: {(check.IsOk ? "ok" : "FAILED")}: {check.Message}").ConfigureAwait(false);
        }

        return failed ? ExitCodes.Failed : ExitCodes.Success;
    }
}
