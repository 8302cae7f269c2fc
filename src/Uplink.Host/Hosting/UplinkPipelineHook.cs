using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Uplink.Host.Hosting;

/// <summary>
/// The extension point where <c>uplink run</c> adds the share pipeline to its host. When this runs,
/// <see cref="Core.Plugins.IActivePlugins"/>, <see cref="Core.Plugins.PluginStates"/>,
/// <see cref="TimeProvider"/> and <c>IOptions&lt;UplinkOptions&gt;</c> are registered; the pipeline
/// registers its <see cref="Plugins.Abstractions.Inputs.IShareIntake"/> and hosted services here.
/// </summary>
internal static class UplinkPipelineHook
{
    /// <summary>Adds the share pipeline's services.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (the configuration file).</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddUplinkPipelineServices(this IServiceCollection services, IConfiguration configuration)
    {
        // PIPELINE HOOK: the share pipeline (src/Uplink.Core/Shares) is not merged yet. Its
        // `services.AddUplinkPipeline(configuration)` call belongs here, and nowhere else.
        _ = configuration;
        return services;
    }
}
