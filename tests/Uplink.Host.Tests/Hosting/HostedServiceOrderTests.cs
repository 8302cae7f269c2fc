using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Shares.Pipeline;
using Uplink.Host.Hosting;
using Uplink.Host.Hosting.Health;
using Uplink.Host.Tests.Plugins;

namespace Uplink.Host.Tests.Hosting;

public sealed class HostedServiceOrderTests
{
    [Fact]
    public void Plugins_load_first_and_inputs_start_only_after_the_pipeline_that_holds_the_data_folder_lock()
    {
        using var sandbox = new PluginSandbox();
        var configPath = Path.Combine(sandbox.Root, "uplink.json");
        File.WriteAllText(configPath, JsonSerializer.Serialize(new
        {
            Uplink = new
            {
                ExpertCode = "TEST",
                Profile = "none",
                ProfilePlugin = "none",
                Inputs = new[] { "Test.NoSuchInput" },
                Outputs = new[] { "Test.NoSuchOutput" },
                PluginsDirectory = sandbox.PluginsDirectory,
                DataDirectory = sandbox.DataDirectory,
            },
        }));

        using var host = UplinkHostFactory.Build(UplinkConfigurationSource.Load(configPath));
        var order = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();

        // The host starts its services in this order, each StartAsync after the one before.
        var names = string.Join(", ", order.Select(t => t.Name));
        Assert.True(order.IndexOf(typeof(PluginStartupService)) is 0, names);
        Assert.True(order.IndexOf(typeof(PipelineService)) > 0, names);
        Assert.True(order.IndexOf(typeof(InputSupervisorService)) > order.IndexOf(typeof(PipelineService)), names);
        Assert.Contains(typeof(AdminListenerService), order);
    }
}
