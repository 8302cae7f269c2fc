using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Uplink.Core.Configuration;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>
/// Runs every active input until the host stops. An input that throws (or returns on its own) is
/// marked faulted and restarted after an exponential back-off; the others and the host keep running.
/// </summary>
/// <param name="plugins">The active plugins.</param>
/// <param name="intake">The share queue inputs hand requests to.</param>
/// <param name="states">The status registry.</param>
/// <param name="options">Back-off settings.</param>
/// <param name="time">The clock for the back-off.</param>
/// <param name="logger">Where restarts are logged.</param>
internal sealed class InputSupervisor(
    IActivePlugins plugins,
    IShareIntake intake,
    PluginStates states,
    SupervisionOptions options,
    TimeProvider time,
    ILogger<InputSupervisor> logger)
{
    private readonly ConcurrentDictionary<string, int> _restarts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many times each input has been restarted.</summary>
    public IReadOnlyDictionary<string, int> Restarts => _restarts;

    /// <summary>Runs every input until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>A task that completes when every input has stopped.</returns>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(plugins.Inputs.Select(input => SuperviseAsync(input, cancellationToken)));

    private async Task SuperviseAsync(ActivePlugin<IInputPlugin> input, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var run = input.Instance.RunAsync(intake, cancellationToken);
            var healthy = Task.Delay(options.HealthyAfter, time, attempt.Token);
            if (await Task.WhenAny(run, healthy).ConfigureAwait(false) == healthy && healthy.IsCompletedSuccessfully && !run.IsCompleted && failures > 0)
            {
                failures = 0;
                states.MarkRecovered(input.PluginId);
                PluginLog.Recovered(logger, input.PluginId, options.HealthyAfter);
            }

            try
            {
                await run.ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                states.MarkFaulted(input.PluginId, "input returned before the host stopped");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception)
            {
                // GuardedInput logged it and marked the plugin faulted.
            }
            finally
            {
                await attempt.CancelAsync().ConfigureAwait(false);
            }

            failures++;
            var delay = options.BackoffFor(failures);
            PluginLog.Restarting(logger, input.PluginId, failures, delay);
            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            _restarts.AddOrUpdate(input.PluginId, 1, (_, n) => n + 1);
        }
    }
}
