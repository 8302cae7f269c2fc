using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Input.DicomStore.Retrieval;
using Uplink.Input.DicomStore.Routing;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.DicomStore;

/// <summary>
/// The DICOM receiver input: C-ECHO and C-STORE SCP with a called AE title, an allow-list of callers, and a
/// durable instance store whose files also serve as an image source by SOP Instance UID and, when routing is on,
/// become shares without recipient once their study is quiet.
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
        if (options.RouteStudies)
        {
            if (!(options.StudyQuietSeconds > 0))
            {
                throw new ArgumentException($"StudyQuietSeconds must be more than 0 when RouteStudies is on (it is {options.StudyQuietSeconds}).", nameof(context));
            }

            services.AddSingleton(sp => new StudyRouter(
                directory,
                TimeSpan.FromSeconds(options.StudyQuietSeconds),
                context.Time,
                context.PluginId,
                sp.GetService<ILoggerFactory>()?.CreateLogger<StudyRouter>() ?? NullLogger<StudyRouter>.Instance));
        }

        services.AddSingleton(sp => new DurableInstanceStore(directory, sp.GetService<StudyRouter>()));
        RetrievalRegistration.AddImageSource(services, context.Settings, options);
        services.AddSingleton(sp => new DicomStoreInput(options, sp.GetRequiredService<DurableInstanceStore>(), context.Time, sp.GetService<StudyRouter>()));
        services.AddSingleton<IInputPlugin>(sp => sp.GetRequiredService<DicomStoreInput>());
    }
}
