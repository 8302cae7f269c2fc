using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uplink.Core.Anonymization;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Administration;
using Uplink.Core.Shares.Pipeline;
using Uplink.Core.Shares.Store;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Administration;

/// <summary>A retry from another process (the CLI) while <c>uplink run</c> runs: nothing wakes the host but its poll.</summary>
public sealed class ShareAdministrationAcrossProcessesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_running_host_sends_an_image_another_process_requeued_within_its_poll_interval()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var images = Directory.CreateDirectory(Path.Combine(_root, "images")).FullName;
        var data = Path.Combine(_root, "data");
        File.WriteAllText(Path.Combine(images, "a"), "throw\npixels a");
        var output = new RecordingOutput();
        using var host = new HostBuilder()
            .ConfigureServices(services => services
                .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton<Core.Plugins.IActivePlugins>(new TestActivePlugins(new FolderSource(images), output))
                .AddSingleton<IInstanceProcessor, ScriptedProcessor>()
                .AddUplinkPipeline(o =>
                {
                    o.DataDirectory = data;
                    o.PollInterval = TimeSpan.FromMilliseconds(200);
                    o.MaxProcessingAttempts = 1;
                }))
            .Build();
        await host.StartAsync(cancellation);
        var intake = host.Services.GetRequiredService<IShareIntake>();
        var receipt = await intake.SubmitAsync(new ShareRequest("r", "e", ["a"], new ShareRecipient("x@example.org", null), TestActivePlugins.InputId), cancellation);
        Assert.Equal(ShareState.Failed, (await WaitAsync(intake, receipt.ShareId, s => s.State == ShareState.Failed)).State);
        File.WriteAllText(Path.Combine(images, "a"), "ok\npixels a");

        // As the CLI builds it: its own store connection and its own signal, which the host never hears.
        var options = Options.Create(new PipelineOptions { DataDirectory = data });
        using var database = new ShareDatabase(options);
        var cli = new ShareAdministration(database, new ShareSpool(options), new PipelineSignal(TimeProvider.System), TimeProvider.System, options);
        Assert.True(cli.RetryImage(receipt.ShareId, 0, "cli:tester").Succeeded);

        var status = await WaitAsync(intake, receipt.ShareId, s => s.State == ShareState.Completed);
        await host.StopAsync(cancellation);
        Assert.Equal(ShareState.Completed, status.State);
        Assert.Equal(ImageState.Sent, status.Images[0].State);
        Assert.Single(output.Delivered);
        Assert.Equal("x@example.org", Assert.Single(output.Completions).Recipient.Email);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task<ShareStatusReport> WaitAsync(IShareIntake intake, string shareId, Func<ShareStatusReport, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var status = await intake.GetStatusAsync(shareId, CancellationToken.None);
            if (done(status!) || DateTime.UtcNow > deadline)
            {
                return status!;
            }

            await Task.Delay(50);
        }
    }
}
