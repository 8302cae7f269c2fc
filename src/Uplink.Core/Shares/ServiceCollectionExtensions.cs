using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Uplink.Core.Anonymization;
using Uplink.Core.Anonymization.Pixels;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Shares.Administration;
using Uplink.Core.Shares.Pipeline;
using Uplink.Core.Shares.Protection;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Shares;

/// <summary>Registers the durable share pipeline with a host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The configuration section of the pipeline's settings.</summary>
    public const string SectionName = "Uplink:Pipeline";

    /// <summary>
    /// Adds the share pipeline as <c>uplink run</c> has it: settings from <c>Uplink:Pipeline</c> (the data folder
    /// defaults to <see cref="UplinkOptions.DataDirectory"/>), the anonymizer keyed by the site's UID secret from
    /// <c>uplink setup</c>, and the device image-area rules shipped in <c>profiles/image-areas</c> and kept in the
    /// data folder's <c>image-areas/</c>.
    /// </summary>
    /// <remarks>
    /// The host registers beside it <see cref="Plugins.IActivePlugins"/>, <c>IOptions&lt;UplinkOptions&gt;</c> and logging.
    /// </remarks>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddUplinkPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IUidRemapper>(sp => new SiteUidRemapper(DataDirectory(sp)));
        services.TryAddSingleton(sp => ImageAreaRules.Load(ImageAreaRules.ShippedFolder, ImageAreaRules.SiteFolder(DataDirectory(sp))));
        services.TryAddSingleton<IInstanceProcessor>(sp => new InstanceProcessor(sp.GetRequiredService<IUidRemapper>(), sp.GetRequiredService<ImageAreaRules>()));
        services.AddUplinkPipeline(_ => { });

        // After the pipeline's own service: inputs accept shares only once it holds the data folder lock.
        services.AddHostedService<InputSupervisorService>();
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

    /// <summary>
    /// Adds the share pipeline: the SQLite store in the data folder, the <see cref="IShareIntake"/>
    /// that inputs submit to (the host's input supervisor runs the inputs with it), and the workers that
    /// take each image through fetched → anonymized → sent and hand each finished share to the outputs,
    /// and the <see cref="ShareAdministration"/> an admin surface retries and discards images with.
    /// </summary>
    /// <remarks>
    /// The caller registers beside it: <see cref="Plugins.IActivePlugins"/> (the plugin host),
    /// <see cref="Anonymization.IInstanceProcessor"/> (the anonymizer) and logging. A
    /// <see cref="TimeProvider"/> (the system clock) is added only if none is registered.
    /// </remarks>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options; <see cref="PipelineOptions.DataDirectory"/> is required.</param>
    /// <returns>The same collection.</returns>
    internal static IServiceCollection AddUplinkPipeline(this IServiceCollection services, Action<PipelineOptions> configure)
    {
        services.AddOptions<PipelineOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShareDatabase>();
        services.TryAddSingleton<ShareRepository>();
        services.TryAddSingleton<ImageQueue>();
        services.TryAddSingleton<ShareQueue>();
        services.TryAddSingleton<AttemptLog>();
        services.AddMetrics();
        services.TryAddSingleton<PipelineMetrics>();
        services.TryAddSingleton(sp => new StoreHealthReader(sp.GetRequiredService<ShareDatabase>()));
        services.TryAddSingleton<RecipientProtector>();
        services.TryAddSingleton<PipelineSignal>();
        services.TryAddSingleton<ShareSpool>();
        services.TryAddSingleton(sp => new BackoffPolicy(sp.GetRequiredService<IOptions<PipelineOptions>>()));
        services.TryAddSingleton<ImageOutcomes>();
        services.TryAddSingleton<ResolveStage>();
        services.TryAddSingleton<AnonymizeStage>();
        services.TryAddSingleton<OutputShaping>();
        services.TryAddSingleton<DeliverStage>();
        services.TryAddSingleton<ImageWorker>();
        services.TryAddSingleton<ShareHandOff>();
        services.TryAddSingleton<PipelineRunner>();
        services.TryAddSingleton<IShareIntake, ShareIntake>();
        services.TryAddSingleton(sp => new ShareAdministration(
            sp.GetRequiredService<ShareDatabase>(), sp.GetRequiredService<ShareSpool>(), sp.GetRequiredService<PipelineSignal>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PipelineOptions>>()));
        services.AddHostedService<PipelineService>();
        return services;
    }

    private static string DataDirectory(IServiceProvider services) => services.GetRequiredService<IOptions<PipelineOptions>>().Value.DataDirectory;
}
