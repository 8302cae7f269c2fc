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
    private readonly RecordingOutput _output = new();
    private string? _shareId;

    [Fact]
    public async Task A_running_host_sends_an_image_another_process_requeued_within_its_poll_interval()
    {
        using var host = await StartFailedAsync(TimeSpan.FromMilliseconds(200));

        // As the CLI builds it: its own store connection and its own signal, which the host never hears.
        var options = Options.Create(new PipelineOptions { DataDirectory = Path.Combine(_root, "data") });
        using var database = new ShareDatabase(options);
        var cli = new ShareAdministration(database, new ShareSpool(options), new PipelineSignal(TimeProvider.System), TimeProvider.System, options);
        Assert.True(cli.RetryImage(_shareId!, 0, "cli:tester").Succeeded);

        await AssertCompletedAsync(host);
    }

    [Fact]
    public async Task A_retry_in_the_host_process_wakes_its_idle_workers_without_waiting_for_the_poll()
    {
        // The workers would next look by themselves in a minute; the test gives up after 20 seconds.
        using var host = await StartFailedAsync(TimeSpan.FromMinutes(1));

        Assert.True(host.Services.GetRequiredService<ShareAdministration>().RetryImage(_shareId!, 0, "admin page").Succeeded);

        await AssertCompletedAsync(host);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    // A running host whose one share failed (its only image throws once), with the image fixed since.
    private async Task<IHost> StartFailedAsync(TimeSpan pollInterval)
    {
        var images = Directory.CreateDirectory(Path.Combine(_root, "images")).FullName;
        File.WriteAllText(Path.Combine(images, "a"), "throw\npixels a");
        var host = new HostBuilder()
            .ConfigureServices(services => services
                .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton<Core.Plugins.IActivePlugins>(new TestActivePlugins(new FolderSource(images), _output))
                .AddSingleton<IInstanceProcessor, ScriptedProcessor>()
                .AddUplinkPipeline(o =>
                {
                    o.DataDirectory = Path.Combine(_root, "data");
                    o.PollInterval = pollInterval;
                    o.MaxProcessingAttempts = 1;
                }))
            .Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var intake = host.Services.GetRequiredService<IShareIntake>();
        var receipt = await intake.SubmitAsync(new ShareRequest("r", "e", ["a"], new ShareRecipient("x@example.org", null), TestActivePlugins.InputId), TestContext.Current.CancellationToken);
        _shareId = receipt.ShareId;
        Assert.Equal(ShareState.Failed, (await WaitAsync(intake, s => s.State == ShareState.Failed)).State);
        File.WriteAllText(Path.Combine(images, "a"), "ok\npixels a");
        return host;
    }

    private async Task AssertCompletedAsync(IHost host)
    {
        var status = await WaitAsync(host.Services.GetRequiredService<IShareIntake>(), s => s.State == ShareState.Completed);
        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ShareState.Completed, status.State);
        Assert.Equal(ImageState.Sent, status.Images[0].State);
        Assert.Single(_output.Delivered);
        Assert.Equal("x@example.org", Assert.Single(_output.Completions).Recipient.Email);
    }

    private async Task<ShareStatusReport> WaitAsync(IShareIntake intake, Func<ShareStatusReport, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var status = await intake.GetStatusAsync(_shareId!, CancellationToken.None);
            if (done(status!) || DateTime.UtcNow > deadline)
            {
                return status!;
            }

            await Task.Delay(50);
        }
    }
}
