using Microsoft.Extensions.DependencyInjection;
using Uplink.Core.Plugins.Manifest;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Plugins.Loading;

/// <summary>A plugin loaded into its own context, configured, with its own service provider.</summary>
internal sealed class LoadedPlugin : IDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>Creates the record of a loaded plugin and resolves its services.</summary>
    /// <param name="manifest">Its manifest.</param>
    /// <param name="directory">Its folder.</param>
    /// <param name="assembly">Its entry assembly and context.</param>
    /// <param name="services">Its own provider.</param>
    /// <param name="loadTime">How long loading and configuring took.</param>
    public LoadedPlugin(PluginManifest manifest, string directory, PluginAssembly assembly, ServiceProvider services, TimeSpan loadTime)
    {
        Manifest = manifest;
        Directory = directory;
        Assembly = assembly;
        _services = services;
        LoadTime = loadTime;
        Inputs = [.. services.GetServices<IInputPlugin>()];
        ImageSources = [.. services.GetServices<IImageSource>()];
        Profiles = [.. services.GetServices<IAnonymizationProfile>()];
        Outputs = [.. services.GetServices<IOutputPlugin>()];
    }

    /// <summary>Its manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>Its folder.</summary>
    public string Directory { get; }

    /// <summary>Its entry assembly and load context.</summary>
    public PluginAssembly Assembly { get; }

    /// <summary>How long loading and configuring took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>The inputs it registered.</summary>
    public IReadOnlyList<IInputPlugin> Inputs { get; }

    /// <summary>The image sources it registered.</summary>
    public IReadOnlyList<IImageSource> ImageSources { get; }

    /// <summary>The profiles it registered.</summary>
    public IReadOnlyList<IAnonymizationProfile> Profiles { get; }

    /// <summary>The outputs it registered.</summary>
    public IReadOnlyList<IOutputPlugin> Outputs { get; }

    /// <summary>The plugin's own service provider.</summary>
    public IServiceProvider Services => _services;

    /// <inheritdoc />
    public void Dispose()
    {
        _services.Dispose();
        Assembly.Dispose();
    }
}
