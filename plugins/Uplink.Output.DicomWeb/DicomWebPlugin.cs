using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Shared.Http;

namespace Uplink.Output.DicomWeb;

/// <summary>The DICOMweb STOW-RS output plugin's entry point: binds and validates its settings and registers the output.</summary>
public sealed class DicomWebPlugin : IUplinkPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = DicomWebOptions.Bind(context.Settings);
        var resilience = UploadResilienceOptions.Bind(context.Settings, DicomWebOptions.Owner, new UploadResilienceOptions(), TimeSpan.FromHours(1));
        services.AddSingleton(options);
        UploadHttpClient.Add(services, DicomWebOutput.ClientName, DicomWebOutput.Destination(options), resilience, context.Time);
        services.AddSingleton<IOutputPlugin, DicomWebOutput>();
    }
}
