using Microsoft.Extensions.Hosting;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>
/// Runs every active input under <see cref="InputSupervisor"/> for the host's lifetime: a throwing input is marked
/// faulted and restarted with back-off; it never stops the host.
/// </summary>
/// <param name="supervisor">The supervisor, with the inputs and the share pipeline's intake they submit to.</param>
internal sealed class InputSupervisorService(InputSupervisor supervisor) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => supervisor.RunAsync(stoppingToken);
}
