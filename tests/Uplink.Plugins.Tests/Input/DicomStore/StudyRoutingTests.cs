using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Uplink.Dicom.Network;
using Uplink.Input.DicomStore;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Input.DicomStore;

/// <summary>The receiver with routing on: quiet studies become shares without recipient, on a fake clock.</summary>
public sealed class StudyRoutingTests : IAsyncDisposable
{
    private const string PluginId = "Uplink.Input.DicomStore";
    private readonly TempFolder _data = new("uplink-routing");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingIntake _intake = new();
    private Receiver _receiver;

    public StudyRoutingTests() => _receiver = new Receiver(_data.Path, _time, _intake);

    [Fact]
    public async Task A_study_quiet_for_the_period_becomes_one_share_without_recipient_of_its_instances()
    {
        await SendAsync(("1.2.3.1", "2.25.100"), ("1.2.3.2", "2.25.100"), ("1.2.3.3", "2.25.200"));

        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Empty(_intake.Requests);
        _time.Advance(TimeSpan.FromSeconds(2));
        var requests = await _intake.WaitForAsync(2);

        Assert.All(requests, r => Assert.False(r.Recipient.HasContact));
        Assert.All(requests, r => Assert.Equal(PluginId, r.SourcePluginId));
        Assert.Equal(
            ["1.2.3.1,1.2.3.2", "1.2.3.3"],
            requests.Select(r => string.Join(',', r.ImageIds)).Order(StringComparer.Ordinal));
        Assert.All(requests, r => Assert.DoesNotContain("2.25.", r.ExamId + r.RequestId, StringComparison.Ordinal));
        var source = _receiver.Services.GetRequiredService<IImageSource>();
        foreach (var id in requests.SelectMany(r => r.ImageIds))
        {
            Assert.Equal(ImageResolutionOutcome.Found, (await source.ResolveAsync(id, TestContext.Current.CancellationToken)).Outcome);
        }
    }

    [Fact]
    public async Task An_instance_arriving_during_the_quiet_period_restarts_it()
    {
        await SendAsync(("1.2.3.1", "2.25.100"));
        _time.Advance(TimeSpan.FromSeconds(20));
        await SendAsync(("1.2.3.2", "2.25.100"));

        _time.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Empty(_intake.Requests);
        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(["1.2.3.1", "1.2.3.2"], Assert.Single(await _intake.WaitForAsync(1)).ImageIds);
    }

    [Fact]
    public async Task An_instance_sent_again_while_its_study_waits_restarts_the_quiet_period_and_is_routed_once()
    {
        await SendAsync(("1.2.3.1", "2.25.100"));
        _time.Advance(TimeSpan.FromSeconds(20));
        await SendAsync(("1.2.3.1", "2.25.100"));

        _time.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Empty(_intake.Requests);
        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(["1.2.3.1"], Assert.Single(await _intake.WaitForAsync(1)).ImageIds);
    }

    [Fact]
    public async Task A_study_sent_again_later_becomes_a_share_of_its_new_instances_only()
    {
        await SendAsync(("1.2.3.1", "2.25.100"), ("1.2.3.2", "2.25.100"));
        _time.Advance(TimeSpan.FromSeconds(31));
        await _intake.WaitForAsync(1);

        await SendAsync(("1.2.3.1", "2.25.100"), ("1.2.3.2", "2.25.100"), ("1.2.3.3", "2.25.100"));
        _time.Advance(TimeSpan.FromSeconds(31));
        var requests = await _intake.WaitForAsync(2);

        Assert.Equal(["1.2.3.3"], requests[1].ImageIds);
        Assert.NotEqual(requests[0].RequestId, requests[1].RequestId);
    }

    [Fact]
    public async Task Instances_acknowledged_before_a_restart_are_routed_after_it()
    {
        await SendAsync(("1.2.3.1", "2.25.100"), ("1.2.3.2", "2.25.100"));
        await _receiver.DisposeAsync();

        _receiver = new Receiver(_data.Path, _time, _intake);
        await _receiver.PortAsync();
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(["1.2.3.1", "1.2.3.2"], Assert.Single(await _intake.WaitForAsync(1)).ImageIds);
    }

    [Fact]
    public async Task A_share_the_intake_refuses_is_kept_and_submitted_after_the_next_quiet_period()
    {
        _intake.FailNext = 1;
        await SendAsync(("1.2.3.1", "2.25.100"));
        _time.Advance(TimeSpan.FromSeconds(31));
        for (var i = 0; i < 100 && _intake.FailNext > 0; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, _intake.FailNext);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Empty(_intake.Requests);
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(["1.2.3.1"], Assert.Single(await _intake.WaitForAsync(1)).ImageIds);
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _data.Dispose();
    }

    private async Task SendAsync(params (string Sop, string Study)[] instances)
    {
        var files = instances.Select(i => MinimalPart10.Write(_data.Combine($"send-{i.Sop}.dcm"), i.Sop, studyUid: i.Study)).ToArray();
        var options = new DicomClientOptions { Host = "127.0.0.1", Port = await _receiver.PortAsync(), CalledAeTitle = "UPLINK", CallingAeTitle = "SENDER" };
        var client = await DicomClient.ConnectAsync(options, DicomPresentationProposal.ForFiles(files), TestContext.Current.CancellationToken);
        await using (client)
        {
            foreach (var file in files)
            {
                Assert.Equal(DimseStatus.Success, await client.StoreAsync(file, TestContext.Current.CancellationToken));
            }
        }

        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    /// <summary>One run of the input, as the host configures it, with routing on and a 30 s quiet period.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly DicomStoreInput _input;
        private readonly Task _running;

        public Receiver(string data, TimeProvider time, IShareIntake intake)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Port"] = "0",
                ["RouteStudies"] = "true",
                ["StudyQuietSeconds"] = "30",
            };
            var services = new ServiceCollection();
            new DicomStorePlugin().ConfigureServices(services, new TestPluginContext(PluginId, settings, data, time));
            Services = services.BuildServiceProvider();
            _input = (DicomStoreInput)Services.GetRequiredService<IInputPlugin>();
            _running = _input.RunAsync(intake, _stop.Token);
        }

        public ServiceProvider Services { get; }

        public async Task<int> PortAsync()
        {
            for (var i = 0; i < 500 && _input.Port is null; i++)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            return _input.Port ?? throw new InvalidOperationException("The input did not start listening.");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await _stop.CancelAsync();
                await _running;
                await Services.DisposeAsync();
            }
        }
    }

    private sealed class RecordingIntake : IShareIntake
    {
        private readonly ConcurrentQueue<ShareRequest> _requests = new();
        private int _failNext;

        public IReadOnlyList<ShareRequest> Requests => [.. _requests];

        public int FailNext
        {
            get => Volatile.Read(ref _failNext);
            set => Volatile.Write(ref _failNext, value);
        }

        public Task<ShareReceipt> SubmitAsync(ShareRequest request, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _failNext) >= 0)
            {
                throw new IOException("The share database is unavailable.");
            }

            Interlocked.Exchange(ref _failNext, 0);
            _requests.Enqueue(request);
            return Task.FromResult(new ShareReceipt(Guid.NewGuid().ToString("N"), ShareState.Queued, true));
        }

        public Task<ShareStatusReport?> GetStatusAsync(string shareId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async Task<IReadOnlyList<ShareRequest>> WaitForAsync(int count)
        {
            for (var i = 0; i < 500 && _requests.Count < count; i++)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            Assert.Equal(count, _requests.Count);
            return Requests;
        }
    }
}
