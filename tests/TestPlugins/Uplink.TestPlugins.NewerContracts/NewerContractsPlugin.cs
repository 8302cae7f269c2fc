using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.TestPlugins.NewerContracts;

internal sealed class NewerContractsPlugin : IUplinkPlugin
{
    public void ConfigureServices(IServiceCollection services, IPluginContext context) =>
        services.AddSingleton<IOutputPlugin, NewerContractsOutput>();
}
