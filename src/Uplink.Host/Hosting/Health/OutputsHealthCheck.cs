using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Uplink.Core.Plugins;
using Uplink.Core.Shares.Store;

namespace Uplink.Host.Hosting.Health;

/// <summary>
/// Unready when no output is active, or when every active output has been failing (its last attempt failed,
/// and the first failure since its last success is older than <see cref="HealthOptions.OutputDownAfter"/>).
/// One output that still delivers keeps the host ready: shares still leave.
/// </summary>
/// <param name="plugins">The active plugins.</param>
/// <param name="store">The store's health reader.</param>
/// <param name="options">The health settings.</param>
/// <param name="time">The clock.</param>
internal sealed class OutputsHealthCheck(PluginSystem plugins, StoreHealthReader store, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (plugins.OutputIds.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no output is active"));
        }

        var downAfter = options.Value.OutputDownAfter;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var down = plugins.OutputIds.Count(o => IsDown(store.Output(o), now, downAfter));
        return Task.FromResult(down == plugins.OutputIds.Count
            ? HealthCheckResult.Unhealthy($"every output has been failing for over {downAfter}")
            : HealthCheckResult.Healthy($"{plugins.OutputIds.Count - down} of {plugins.OutputIds.Count} output(s) delivering"));
    }

    /// <summary>Whether an output has been failing for at least <paramref name="downAfter"/>.</summary>
    /// <param name="history">The output's history.</param>
    /// <param name="now">Now, in Unix milliseconds.</param>
    /// <param name="downAfter">How long counts as down.</param>
    /// <returns>True when it is down.</returns>
    public static bool IsDown(OutputHistory history, long now, TimeSpan downAfter) =>
        history.FailingSince is { } since && now - since >= (long)downAfter.TotalMilliseconds;
}
