using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins.Supervision;

namespace Uplink.Core.Plugins;

/// <summary>Registers the plugin system of <c>uplink run</c>.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="PluginSystem"/> (loaded once, from the validated <see cref="UplinkOptions"/>), what
    /// the pipeline reads from it, and the supervisor of the active inputs (its hosted service comes with the
    /// pipeline, <see cref="Shares.ServiceCollectionExtensions.AddUplinkPipeline(IServiceCollection, IConfiguration)"/>).
    /// Needs <see cref="IOptions{UplinkOptions}"/>, an <see cref="ILoggerFactory"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="pluginSettings">The configuration section holding one sub-section per plugin id.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddUplinkPlugins(this IServiceCollection services, IConfiguration pluginSettings)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<UplinkOptions>>().Value;
            return PluginSystem.Load(
                PluginHostSettings.For(options.PluginsDirectory!, options.DataDirectory),
                UplinkConfigurationFile.Selection(options),
                pluginSettings,
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IActivePlugins>(sp => sp.GetRequiredService<PluginSystem>().Active);
        services.AddSingleton(sp => sp.GetRequiredService<PluginSystem>().States);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<UplinkOptions>>().Value.Supervision);
        services.AddSingleton<InputSupervisor>();
        return services;
    }
}
