using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Uplink.Core.Anonymization;
using Uplink.Core.Anonymization.Pixels;
using Uplink.Core.Configuration;
using Uplink.Core.Secrets;
using Uplink.Core.Shares;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Host.Hosting;

/// <summary>
/// The extension point where <c>uplink run</c> adds the share pipeline to its host. When this runs,
/// <see cref="Core.Plugins.IActivePlugins"/>, <see cref="Core.Plugins.PluginStates"/>,
/// <see cref="TimeProvider"/> and <c>IOptions&lt;UplinkOptions&gt;</c> are registered; the pipeline
/// registers its <see cref="Plugins.Abstractions.Inputs.IShareIntake"/> and hosted services here, with
/// the anonymizer it runs every instance through (keyed by the site's UID secret from <c>uplink setup</c>).
/// </summary>
internal static class UplinkPipelineHook
{
    /// <summary>The configuration section of the pipeline's settings.</summary>
    public const string SectionName = "Uplink:Pipeline";

    /// <summary>Adds the share pipeline's services.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (the configuration file).</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddUplinkPipelineServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IUidRemapper>(sp => new HmacUidRemapper(SiteSecrets.Load(sp.GetRequiredService<IOptions<UplinkOptions>>().Value.DataDirectory).UidKey));
        services.TryAddSingleton(sp => new Lazy<IUidRemapper>(sp.GetRequiredService<IUidRemapper>, LazyThreadSafetyMode.PublicationOnly));
        services.TryAddSingleton(sp => ImageAreaRules.Load(ImageAreaRules.ShippedFolder, ImageAreaRules.SiteFolder(sp.GetRequiredService<IOptions<UplinkOptions>>().Value.DataDirectory)));
        services.TryAddSingleton<IInstanceProcessor>(sp => new InstanceProcessor(sp.GetRequiredService<IUidRemapper>(), sp.GetRequiredService<ImageAreaRules>()));
        services.AddUplinkPipeline(_ => { });
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(SectionName))
            .Configure<IOptions<UplinkOptions>>((pipeline, uplink) =>
            {
                if (string.IsNullOrWhiteSpace(pipeline.DataDirectory))
                {
                    pipeline.DataDirectory = uplink.Value.DataDirectory;
                }
            });
        return services;
    }
}
