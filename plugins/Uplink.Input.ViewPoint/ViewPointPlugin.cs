using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Input.ViewPoint.Api;
using Uplink.Input.ViewPoint.Images;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.ViewPoint;

/// <summary>
/// The ViewPoint input: the local HTTP API GE ViewPoint calls to share an exam, and the image source
/// that resolves its image ids in ViewPoint's image store.
/// </summary>
internal sealed class ViewPointPlugin : IUplinkPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = new ViewPointOptions();
        context.Settings.Bind(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey) && string.IsNullOrWhiteSpace(options.ApiKeyFile))
        {
            // The plugin's data folder is {data}/plugins/{id}; the site's key is {data}/secrets/viewpoint-api.key.
            options.ApiKeyFile = Path.GetFullPath(Path.Combine(context.DataDirectory, "..", "..", "secrets", "viewpoint-api.key"));
        }

        services.AddSingleton(options);
        services.AddSingleton(context.Time);
        services.AddSingleton(new ViewPointIdentity(context.PluginId));
        services.AddSingleton<IImageSource, FolderImageSource>();
        services.AddSingleton<ViewPointInput>();
        services.AddSingleton<IInputPlugin>(sp => sp.GetRequiredService<ViewPointInput>());
    }
}
