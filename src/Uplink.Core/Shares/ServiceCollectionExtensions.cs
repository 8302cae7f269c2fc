using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Uplink.Core.Anonymization;
using Uplink.Core.Shares.Administration;
using Uplink.Core.Shares.Pipeline;
using Uplink.Core.Shares.Protection;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares;

/// <summary>Registers the durable share pipeline with a host.</summary>
internal static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the share pipeline: the SQLite store in the data folder, the <see cref="IShareIntake"/>
    /// that inputs submit to (the host's input supervisor runs the inputs with it), and the workers that
    /// take each image through fetched → anonymized → sent and hand each finished share to the outputs,
    /// and the <see cref="ShareAdministration"/> an admin surface retries and discards images with.
    /// </summary>
    /// <remarks>
    /// The host registers beside it: <see cref="Plugins.IActivePlugins"/> (the plugin host),
    /// <see cref="Anonymization.IInstanceProcessor"/> (the anonymizer) and logging. A
    /// <see cref="TimeProvider"/> is added (the system clock) only if none is registered.
    /// </remarks>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options; <see cref="PipelineOptions.DataDirectory"/> is required.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddUplinkPipeline(this IServiceCollection services, Action<PipelineOptions> configure)
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
        services.TryAddSingleton<StoreHealthReader>();
        services.TryAddSingleton<RecipientProtector>();
        services.TryAddSingleton<PipelineSignal>();
        services.TryAddSingleton<ShareSpool>();
        services.TryAddSingleton(sp => new BackoffPolicy(sp.GetRequiredService<IOptions<PipelineOptions>>()));
        services.TryAddSingleton<ImageOutcomes>();
        services.TryAddSingleton<ResolveStage>();
        services.TryAddSingleton(sp => new Lazy<IInstanceProcessor>(sp.GetRequiredService<IInstanceProcessor>, LazyThreadSafetyMode.PublicationOnly));
        services.TryAddSingleton<AnonymizeStage>();
        services.TryAddSingleton<OutputShaping>();
        services.TryAddSingleton<DeliverStage>();
        services.TryAddSingleton<ImageWorker>();
        services.TryAddSingleton<ShareHandOff>();
        services.TryAddSingleton<PipelineRunner>();
        services.TryAddSingleton<IShareIntake, ShareIntake>();
        services.TryAddSingleton<ShareAdministration>();
        services.AddHostedService<PipelineService>();
        return services;
    }
}
