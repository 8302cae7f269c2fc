using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.TestPlugins.DuplicateId;

internal sealed class DuplicateIdPlugin : IUplinkPlugin
{
    public void ConfigureServices(IServiceCollection services, IPluginContext context) =>
        services.AddSingleton<IOutputPlugin, DuplicateIdOutput>();
}
