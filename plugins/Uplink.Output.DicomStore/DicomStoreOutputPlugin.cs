using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomStore;

/// <summary>The DICOM C-STORE output's entry point: binds and validates its settings and registers the output.</summary>
internal sealed class DicomStoreOutputPlugin : IUplinkPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddSingleton(DicomStoreOutputOptions.Bind(context.Settings));
        services.AddSingleton(context.Time);
        services.AddSingleton<IOutputPlugin, DicomStoreOutput>();
    }
}
