using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Input.DicomStore.Retrieval;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.DicomStore;

/// <summary>
/// The DICOM receiver input: C-ECHO and C-STORE SCP with a called AE title, an allow-list of callers, and a
/// durable instance store whose files also serve as an image source by SOP Instance UID.
/// </summary>
internal sealed class DicomStorePlugin : IUplinkPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = new DicomStoreOptions();
        context.Settings.Bind(options);
        var directory = Path.GetFullPath(Path.Combine(context.DataDirectory, options.StoreDirectory));

        services.AddSingleton(options);
        services.AddSingleton(context.Time);
        services.AddSingleton(new DurableInstanceStore(directory));
        RetrievalRegistration.AddImageSource(services, context.Settings, options);
        services.AddSingleton<DicomStoreInput>();
        services.AddSingleton<IInputPlugin>(sp => sp.GetRequiredService<DicomStoreInput>());
    }
}
