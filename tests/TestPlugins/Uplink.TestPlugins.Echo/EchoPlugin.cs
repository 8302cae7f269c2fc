using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.TestPlugins.Echo;

internal sealed class EchoPlugin : IUplinkPlugin
{
    public void ConfigureServices(IServiceCollection services, IPluginContext context) =>
        services.AddSingleton<IOutputPlugin, EchoOutput>();
}
