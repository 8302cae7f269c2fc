using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin;

/// <summary>The plugin's entry point: registers every input, image source, profile and output class of this assembly.</summary>
internal sealed class BuiltinProfilesPlugin : IUplinkPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) =>
        services.Scan(scan => scan
            .FromAssemblyOf<BuiltinProfilesPlugin>()
            .AddClasses(
                classes => classes.AssignableToAny(typeof(IInputPlugin), typeof(IImageSource), typeof(IAnonymizationProfile), typeof(IOutputPlugin)),
                publicOnly: false)
            .AsSelfWithInterfaces()
            .WithSingletonLifetime());
}
