using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uplink.Core.Plugins;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Runs every active input with the share intake, and restarts an input that throws or stops, with
/// back-off: a faulted input never takes the host down (plugin-host research, §4.3 point 4).
/// </summary>
internal sealed class InputSupervisor(
    IActivePlugins plugins,
    IShareIntake intake,
    BackoffPolicy backoff,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<InputSupervisor> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.RunInputs
        ? Task.CompletedTask
        : Task.WhenAll(plugins.Inputs.Select(input => Task.Run(() => SuperviseAsync(input, stoppingToken), stoppingToken)));

    private async Task SuperviseAsync(ActivePlugin<IInputPlugin> input, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            TimeSpan delay;
            try
            {
                await input.Instance.RunAsync(intake, stoppingToken).ConfigureAwait(false);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                delay = backoff.Delay(failures++);
                PipelineLog.InputStopped(logger, input.PluginId, delay);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (time.GetElapsedTime(started) > TimeSpan.FromMinutes(5))
                {
                    failures = 0;
                }

                delay = backoff.Delay(failures++);
                PipelineLog.InputFaulted(logger, input.PluginId, ex.GetType().Name, delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
