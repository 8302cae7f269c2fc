using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.TestPlugins.OldPolly;

internal sealed class OldPollyPlugin : IUplinkPlugin
{
    public void ConfigureServices(IServiceCollection services, IPluginContext context) =>
        services.AddSingleton<IOutputPlugin, OldPollyOutput>();
}
