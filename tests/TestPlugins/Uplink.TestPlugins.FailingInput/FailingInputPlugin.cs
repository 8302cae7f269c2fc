using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.TestPlugins.FailingInput;

internal sealed class FailingInputPlugin : IUplinkPlugin
{
    public void ConfigureServices(IServiceCollection services, IPluginContext context) =>
        services.AddSingleton<IInputPlugin, FailingInput>();
}
