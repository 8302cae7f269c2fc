using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Host.Hosting;

/// <summary>
/// Runs every active input under <see cref="InputSupervisor"/>: a throwing input is marked faulted and
/// restarted with back-off; it never stops the host. Inputs need the share pipeline's
/// <see cref="IShareIntake"/>; without one registered they are not started, and the log says so.
/// </summary>
/// <param name="services">The host's services.</param>
/// <param name="logger">Where the missing-pipeline warning goes.</param>
internal sealed partial class InputSupervisorService(IServiceProvider services, ILogger<InputSupervisorService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var intake = services.GetService<IShareIntake>();
        var plugins = services.GetRequiredService<IActivePlugins>();
        if (intake is null)
        {
            NoPipeline(logger, plugins.Inputs.Count);
            return;
        }

        var supervisor = new InputSupervisor(
            plugins,
            intake,
            services.GetRequiredService<PluginStates>(),
            services.GetRequiredService<SupervisionOptions>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<InputSupervisor>>());
        await supervisor.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "No share pipeline is registered (IShareIntake): {Inputs} input(s) not started")]
    private static partial void NoPipeline(ILogger logger, int inputs);
}
