using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.TestPlugins.ThrowsInConfigure;

internal sealed class ThrowsInConfigurePlugin : IUplinkPlugin
{
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        services.AddSingleton<IOutputPlugin, ThrowsInConfigureOutput>();
        throw new InvalidOperationException("the test plugin's settings are missing 'Endpoint'");
    }
}
