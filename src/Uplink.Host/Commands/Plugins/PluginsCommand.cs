using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Site;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands.Plugins;

/// <summary>
/// <c>uplink plugins [--config FILE]</c>: lists every plugin in the plugins folder with its version, kinds,
/// whether it is active and why, whether it is trusted, and its status. The active ones are really
/// loaded, through the same code as <c>uplink run</c>, so the status is what <c>run</c> would see.
/// Before setup (no configuration at the default place) it lists the default plugins folder with nothing
/// active, so an admin can check a dropped-in plugin's manifest and trust first.
/// Exits with 1 when a selected plugin is refused or missing, or when a configuration named by --config is missing.
/// </summary>
/// <param name="console">Where to print.</param>
internal sealed class PluginsCommand(ConsoleOutput console) : ICommand
{
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "plugins";

    /// <inheritdoc />
    public string Summary => "Lists the plugins: version, kinds, active or not and why, trusted, status.";

    /// <inheritdoc />
    public string Failure => "a selected plugin is refused or missing, or the configuration named by --config is missing";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_config];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var config = parsed.GetValue(_config);
        UplinkConfigurationSource source;
        try
        {
            source = UplinkConfigurationSource.Load(config);
        }
        catch (FileNotFoundException) when (config is null)
        {
            var defaults = PluginHostSettings.For(PluginHostSettings.DefaultPluginsDirectory, SiteFolder.DefaultDataDirectory);
            return await ListAsync(defaults, new PluginSelection("(none)", "(none)", string.Empty, [], []), new ConfigurationBuilder().Build(),
                $"no configuration at {SiteFolder.DefaultConfigFile} yet, so none is active; 'uplink setup --expert-code CODE' selects them").ConfigureAwait(false);
        }
        catch (FileNotFoundException ex)
        {
            await console.Error.WriteLineAsync($"uplink plugins: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        return await ListAsync(source.HostSettings, source.Selection, source.PluginSettings,
            $"expert code {source.Options.ExpertCode}, configuration {source.Path}").ConfigureAwait(false);
    }

    private async Task<int> ListAsync(PluginHostSettings settings, PluginSelection selection, IConfiguration pluginSettings, string context)
    {
        using var system = PluginSystem.Load(settings, selection, pluginSettings, NullLoggerFactory.Instance, TimeProvider.System);
        var states = system.States.All;
        await console.Out.WriteLineAsync($"Plugins in {settings.PluginsDirectory} ({context}):").ConfigureAwait(false);
        PluginsReportWriter.Write(console.Out, states);
        if (selection.ProfilePlugin.Length > 0 && system.ProfileProblem is { } problem)
        {
            await console.Out.WriteLineAsync($"Profile: unavailable: {problem}").ConfigureAwait(false);
        }

        return states.Any(s => s.Active && s.IsRefused) ? ExitCodes.Failed : ExitCodes.Success;
    }
}
