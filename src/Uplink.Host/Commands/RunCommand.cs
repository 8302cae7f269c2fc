using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands;

/// <summary><c>uplink run [--config FILE]</c>: runs Uplink as a long-lived host (console, Windows Service or systemd).</summary>
/// <param name="console">Where start-up errors go.</param>
internal sealed class RunCommand(ConsoleOutput console) : ICommand
{
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "run";

    /// <inheritdoc />
    public string Summary => "Runs the host: loads the active plugins and serves until stopped; health on Uplink:Admin:Listen.";

    /// <inheritdoc />
    public string Failure => "the host could not start: no configuration, or a setting is not valid";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_config];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        try
        {
            var source = UplinkConfigurationSource.Load(parsed.GetValue(_config));
            using var host = UplinkHostFactory.Build(source);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (FileNotFoundException ex)
        {
            await console.Error.WriteLineAsync($"uplink run: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OptionsValidationException ex)
        {
            return await ReportInvalidAsync([ex]).ConfigureAwait(false);
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.All(e => e is OptionsValidationException))
        {
            // The host validates every options type at start and reports them together.
            return await ReportInvalidAsync(ex.Flatten().InnerExceptions.Cast<OptionsValidationException>()).ConfigureAwait(false);
        }
    }

    private async Task<int> ReportInvalidAsync(IEnumerable<OptionsValidationException> errors)
    {
        var failures = errors.SelectMany(e => e.Failures).Distinct(StringComparer.Ordinal);
        await console.Error.WriteLineAsync($"uplink run: the configuration is not valid: {string.Join("; ", failures)}").ConfigureAwait(false);
        return ExitCodes.Failed;
    }
}
