using Microsoft.Extensions.DependencyInjection;

namespace Uplink.Plugins.Abstractions;

/// <summary>
/// The entry point of a plugin assembly. The host creates exactly one instance per plugin, from the
/// entry assembly named in the plugin's <c>plugin.json</c>, and asks it to register its services.
/// </summary>
/// <remarks>
/// Services go into a collection that belongs to this plugin alone; the host builds the plugin's own
/// provider from it and resolves <see cref="Inputs.IInputPlugin"/>, <see cref="Profiles.IAnonymizationProfile"/>
/// and <see cref="Outputs.IOutputPlugin"/> implementations from there. Scanning the plugin's own assembly
/// with Scrutor is the normal way to register them. Exceptions thrown here refuse the plugin, not the host.
/// </remarks>
public interface IUplinkPlugin
{
    /// <summary>Registers the plugin's services.</summary>
    /// <param name="services">The plugin's own service collection.</param>
    /// <param name="context">What the host tells the plugin about itself: id, settings, folders, time.</param>
    void ConfigureServices(IServiceCollection services, IPluginContext context);
}
