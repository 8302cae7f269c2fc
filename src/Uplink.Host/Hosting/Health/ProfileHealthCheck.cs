using Microsoft.Extensions.Diagnostics.HealthChecks;
using Uplink.Core.Plugins;

namespace Uplink.Host.Hosting.Health;

/// <summary>Ready only with the active profile: without it no image can be anonymized.</summary>
/// <param name="plugins">The active plugins.</param>
internal sealed class ProfileHealthCheck(PluginSystem plugins) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(plugins.ProfileProblem is null
            ? HealthCheckResult.Healthy("the active profile is loaded")
            : HealthCheckResult.Unhealthy("the active profile is unavailable"));
}
