using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.DicomWeb.Http;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomWeb;

/// <summary>The DICOMweb STOW-RS output plugin's entry point: binds and validates its settings and registers the output.</summary>
public sealed class DicomWebPlugin : IUplinkPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = DicomWebOptions.Bind(context.Settings);
        services.AddSingleton(options);
        services.AddHttpClient(StowClient.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new StowClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(StowClient.ClientName),
            options,
            Uplink.Plugins.Shared.Http.UploadResilience.Build(options.ToResilienceSettings(), context.Time)));
        services.AddSingleton<IOutputPlugin, DicomWebOutput>();
    }
}
