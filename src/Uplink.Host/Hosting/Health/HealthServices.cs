using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Uplink.Host.Hosting.Admin;

namespace Uplink.Host.Hosting.Health;

/// <summary>Registers the health checks and the admin listener that serves them.</summary>
internal static class HealthServices
{
    /// <summary>Adds the live and ready checks, the detailed report, the admin page and the admin listener that serves them.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddUplinkHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName));
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("the host serves"), [HealthTags.Live])
            .AddCheck<ProfileHealthCheck>("profile", tags: [HealthTags.Ready])
            .AddCheck<StoreHealthCheck>("store", tags: [HealthTags.Ready])
            .AddCheck<OutputsHealthCheck>("outputs", tags: [HealthTags.Ready]);
        services.AddSingleton<HealthDetailReport>();
        services.AddSingleton<AdminSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AdminPage>();
        services.AddSingleton<AdminActions>();
        services.AddHostedService<AdminListenerService>();
        return services;
    }
}
