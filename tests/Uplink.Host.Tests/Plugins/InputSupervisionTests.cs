using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Manifest;
using Uplink.Core.Plugins.Trust;
using Uplink.Host.Hosting;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Host.Tests.Plugins;

public sealed class InputSupervisionTests
{
    [Fact]
    public async Task AnInputThatThrowsAtRunTime_IsMarkedFaultedAndRestartedWithBackoff_WhileTheHostKeepsServing()
    {
        using var sandbox = new PluginSandbox();
        foreach (var name in new[] { "Uplink.TestPlugins.FailingInput", "Uplink.TestPlugins.Echo" })
        {
            var folder = sandbox.AddTestPlugin(name);
            new PluginTrust(new BundledPluginList(sandbox.BundledDirectory), TrustStore.InDataDirectory(sandbox.DataDirectory), TimeProvider.System)
                .Approve(PluginManifestReader.Read(folder), folder);
        }

        var configPath = Path.Combine(sandbox.Root, "uplink.json");
        File.WriteAllText(configPath, JsonSerializer.Serialize(new
        {
            Uplink = new
            {
                ExpertCode = "TEST",
                Profile = "none",
                ProfilePlugin = "none",
                Inputs = new[] { "Uplink.TestPlugins.FailingInput" },
                Outputs = new[] { "Uplink.TestPlugins.Echo" },
                PluginsDirectory = sandbox.PluginsDirectory,
                DataDirectory = sandbox.DataDirectory,
                Supervision = new { InitialBackoff = "00:00:00.050", MaxBackoff = "00:00:00.200" },
            },
        }));
        var source = UplinkConfigurationSource.Load(configPath);

        using var host = UplinkHostFactory.Build(source, services => services.AddSingleton<IShareIntake, RecordingIntake>());
        await host.StartAsync(TestContext.Current.CancellationToken);
        var runs = Path.Combine(sandbox.DataDirectory, "plugins", "Uplink.TestPlugins.FailingInput", "runs.log");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((!File.Exists(runs) || File.ReadAllLines(runs).Length < 4) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var states = host.Services.GetRequiredService<PluginStates>();
        var input = states.Find("Uplink.TestPlugins.FailingInput")!;
        Assert.True(File.ReadAllLines(runs).Length >= 4, "the failing input was not restarted repeatedly");
        Assert.Equal(PluginStatus.Faulted, input.Status);
        // The type only (ExceptionDisclosure): a plugin's message is text the host cannot vet.
        Assert.Equal("input threw InvalidOperationException", input.Reason);
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);

        var output = Assert.Single(host.Services.GetRequiredService<IActivePlugins>().Outputs);
        var result = Assert.Single(await output.Instance.DeliverAsync(
            [new OutboundInstance("s", "s/1", "/x.dcm", 0, "1", "2", "3", "4", "1.2.840.10008.1.2.1")], TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.Delivered, result.Status);

        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class RecordingIntake : IShareIntake
    {
        public ConcurrentQueue<ShareRequest> Requests { get; } = new();

        public Task<ShareReceipt> SubmitAsync(ShareRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return Task.FromResult(new ShareReceipt(request.RequestId, ShareState.Queued, Created: true));
        }

        public Task<ShareStatusReport?> GetStatusAsync(string shareId, CancellationToken cancellationToken) =>
            Task.FromResult<ShareStatusReport?>(null);
    }
}
