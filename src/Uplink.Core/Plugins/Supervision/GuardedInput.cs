using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>An input whose failures are logged and mark the plugin faulted; <see cref="InputSupervisor"/> restarts it.</summary>
/// <param name="pluginId">The plugin id.</param>
/// <param name="inner">The plugin's input.</param>
/// <param name="states">The status registry.</param>
/// <param name="logger">Where faults are logged.</param>
internal sealed class GuardedInput(string pluginId, IInputPlugin inner, PluginStates states, ILogger logger) : IInputPlugin
{
    /// <inheritdoc />
    public async Task RunAsync(IShareIntake intake, CancellationToken cancellationToken)
    {
        try
        {
            // Task.Run: a plugin that blocks or throws synchronously must not stall the supervisor.
            await Task.Run(() => inner.RunAsync(intake, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(logger, pluginId, nameof(RunAsync), ExceptionDisclosure.Describe(ex));
            states.MarkFaulted(pluginId, ExceptionDisclosure.Threw("input", ex));
            throw;
        }
    }
}
