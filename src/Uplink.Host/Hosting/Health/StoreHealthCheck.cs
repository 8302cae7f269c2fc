using Microsoft.Extensions.Diagnostics.HealthChecks;
using Uplink.Core.Shares.Store;

namespace Uplink.Host.Hosting.Health;

/// <summary>Ready only while the share store opens and answers a query.</summary>
/// <param name="store">The store's health reader.</param>
internal sealed class StoreHealthCheck(StoreHealthReader store) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.Probe();
            return Task.FromResult(HealthCheckResult.Healthy("the share store answers"));
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The exception stays out of the result: the detailed report must not quote paths or data.
            return Task.FromResult(HealthCheckResult.Unhealthy($"the share store cannot be read ({ex.GetType().Name})"));
        }
    }
}
