using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Profiles.Builtin.Engine;

namespace Uplink.Profiles.Builtin;

/// <summary>Registers the built-in profiles: Anon-LPU-O, Standard and PS3.15-Basic with its options.</summary>
public sealed class BuiltinProfilesPlugin : IUplinkPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        foreach (var definition in BuiltinProfiles.Definitions)
        {
            services.AddSingleton<IAnonymizationProfile>(new DeclarativeProfile(definition));
        }
    }
}
