using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Uplink.Core.Anonymization;
using Uplink.Core.Plugins;
using Uplink.Core.Shares;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Shares.Pipeline;

/// <summary>The pipeline as a running host runs it: hosted workers, the real clock, the input supervisor.</summary>
public sealed class PipelineServiceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_running_host_completes_a_submitted_share_without_being_asked()
    {
        var images = Directory.CreateDirectory(Path.Combine(_root, "images")).FullName;
        File.WriteAllText(Path.Combine(images, "a"), "ok\npixels a");
        File.WriteAllText(Path.Combine(images, "b"), "ok\npixels b");
        var output = new RecordingOutput();
        using var host = Build(new TestActivePlugins(new FolderSource(images), output));
        await host.StartAsync(TestContext.Current.CancellationToken);
        var intake = host.Services.GetRequiredService<IShareIntake>();

        var receipt = await intake.SubmitAsync(new ShareRequest("r", "e", ["a", "b"], new ShareRecipient("x@example.org", null), TestActivePlugins.InputId), TestContext.Current.CancellationToken);
        var status = await WaitForEndAsync(intake, receipt.ShareId);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ShareState.Completed, status.State);
        Assert.Equal(2, output.Delivered.Count);
    }

    [Fact]
    public async Task A_second_host_on_the_same_data_folder_refuses_to_start()
    {
        var plugins = new TestActivePlugins(new FolderSource(_root), new RecordingOutput());
        using var first = Build(plugins);
        await first.StartAsync(TestContext.Current.CancellationToken);
        using var second = Build(plugins);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Another Uplink process is using the data folder", error.Message, StringComparison.Ordinal);
        await first.StopAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task<ShareStatusReport> WaitForEndAsync(IShareIntake intake, string shareId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var status = await intake.GetStatusAsync(shareId, CancellationToken.None);
            if (status!.State is ShareState.Completed or ShareState.Failed || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    private IHost Build(IActivePlugins plugins) => new HostBuilder()
        .ConfigureServices(services => services
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(plugins)
            .AddSingleton<IInstanceProcessor, ScriptedProcessor>()
            .AddUplinkPipeline(o =>
            {
                o.DataDirectory = Path.Combine(_root, "data");
                o.PollInterval = TimeSpan.FromMilliseconds(100);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            }))
        .Build();
}
