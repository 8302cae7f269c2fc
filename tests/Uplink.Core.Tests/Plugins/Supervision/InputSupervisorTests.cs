using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Plugins.Supervision;

public sealed class InputSupervisorTests
{
    [Fact]
    public void BackoffFor_DoublesFromTheInitialDelay_UpToTheMaximum()
    {
        var options = new SupervisionOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10) };

        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            Enumerable.Range(1, 6).Select(n => options.BackoffFor(n).TotalSeconds));
    }

    [Fact]
    public async Task AThrowingInput_IsRestartedAfterEachBackoff_AndTheOtherInputKeepsRunning()
    {
        var time = new TimerWatchingTimeProvider();
        var states = GuardedOutputTests.StatesWith("Failing");
        states.Add(new PluginState("Steady", null, null, null, true, "test", null, PluginStatus.Loaded, null));
        var failing = new Failing();
        var steady = new Steady();
        var plugins = new Plugins(
            new ActivePlugin<IInputPlugin>("Failing", new GuardedInput("Failing", failing, states, NullLogger.Instance)),
            new ActivePlugin<IInputPlugin>("Steady", steady));
        var options = new SupervisionOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(4), HealthyAfter = TimeSpan.FromMinutes(5) };
        var supervisor = new InputSupervisor(plugins, new NoIntake(), states, options, time, NullLogger<InputSupervisor>.Instance);
        using var stop = new CancellationTokenSource();

        var running = supervisor.RunAsync(stop.Token);
        // The run is counted before it throws; the guard marks the plugin faulted after catching it.
        await WaitFor(() => failing.Runs == 1 && states.Find("Failing")!.Status == PluginStatus.Faulted);

        // Advancing the clock before the back-off timer exists would let the timer start late.
        await WaitFor(() => time.TimersDue(TimeSpan.FromSeconds(1)) == 1);
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, failing.Runs);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitFor(() => failing.Runs == 2);
        await WaitFor(() => time.TimersDue(TimeSpan.FromSeconds(2)) == 1);
        time.Advance(TimeSpan.FromSeconds(2));
        await WaitFor(() => failing.Runs == 3);

        Assert.Equal(1, steady.Starts);
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(2, supervisor.Restarts["Failing"]);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting for the supervisor");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A fake clock that also tells which timers have been asked for.</summary>
    private sealed class TimerWatchingTimeProvider : FakeTimeProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _dueTimes = new();

        public int TimersDue(TimeSpan dueTime) => _dueTimes.Count(d => d == dueTime);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _dueTimes.Enqueue(dueTime);
            return timer;
        }
    }

    private sealed class Failing : IInputPlugin
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public Task RunAsync(IShareIntake intake, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            throw new InvalidOperationException("listener port in use");
        }
    }

    private sealed class Steady : IInputPlugin
    {
        public int Starts { get; private set; }

        public async Task RunAsync(IShareIntake intake, CancellationToken cancellationToken)
        {
            Starts++;
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private sealed class Plugins(params ActivePlugin<IInputPlugin>[] inputs) : IActivePlugins
    {
        public IReadOnlyList<ActivePlugin<IInputPlugin>> Inputs => inputs;

        public ActivePlugin<IAnonymizationProfile> Profile => throw new InvalidOperationException();

        public string? ProfileProblem => "none";

        public IReadOnlyList<ActivePlugin<GuardedOutput>> Outputs => [];

        public Uplink.Core.Plugins.Supervision.GuardedImageSource? FindImageSource(string pluginId) => null;
    }

    private sealed class NoIntake : IShareIntake
    {
        public Task<ShareReceipt> SubmitAsync(ShareRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ShareStatusReport?> GetStatusAsync(string shareId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
