using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Uplink.Core.Plugins;

namespace Uplink.Host.Hosting;

/// <summary>
/// Loads the plugins when the host starts (it is the first hosted service, so resolving it loads them before the
/// input supervisor and the pipeline are created), and logs the one <c>Uplink ready</c> line once every hosted
/// service has started.
/// </summary>
/// <param name="plugins">The loaded plugin system.</param>
/// <param name="lifetime">The host's lifetime, for the ready line.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">Where the ready line goes.</param>
internal sealed partial class PluginStartupService(PluginSystem plugins, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<PluginStartupService> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var states = plugins.States.All;
            using var process = Process.GetCurrentProcess();
            var sinceStart = time.GetUtcNow() - process.StartTime.ToUniversalTime();
            Ready(logger, sinceStart.TotalMilliseconds, plugins.Elapsed.TotalMilliseconds, plugins.LoadedCount, states.Count(s => s.IsRefused));
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Uplink ready {SinceStartMs:0} ms after process start (plugins {PluginsMs:0.0} ms): {Loaded} plugin(s) loaded, {Refused} refused")]
    private static partial void Ready(ILogger logger, double sinceStartMs, double pluginsMs, int loaded, int refused);
}
