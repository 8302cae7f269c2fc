using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Plugins.Supervision;

public sealed class GuardedImageSourceTests
{
    private const string Patient = "DOE^JANE";

    public static TheoryData<Exception> PassingFaults => new()
    {
        new IOException($"the share for {Patient} is not reachable"),
        new DirectoryNotFoundException($"no folder {Patient}"),
        new TimeoutException($"no answer about {Patient}"),
        new HttpRequestException($"503 for {Patient}"),
    };

    [Theory]
    [MemberData(nameof(PassingFaults))]
    public async Task A_passing_fault_is_unavailable_not_an_invalid_id(Exception fault)
    {
        var (guarded, states, logs) = Guard(fault);

        var lookup = await guarded.ResolveAsync("a", TestContext.Current.CancellationToken);

        Assert.Equal(ImageLookupOutcome.Unavailable, lookup.Outcome);
        Assert.Equal($"the image source of plugin Vendor.In threw {fault.GetType().Name}", lookup.Reason);
        Assert.Equal(PluginStatus.Faulted, states.Find("Vendor.In")!.Status);
        Assert.DoesNotContain(Patient, states.Find("Vendor.In")!.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Patient, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bug_in_the_source_is_a_fault_without_its_message()
    {
        var (guarded, _, logs) = Guard(new NullReferenceException($"{Patient} was null"));

        var lookup = await guarded.ResolveAsync("a", TestContext.Current.CancellationToken);

        Assert.Equal(ImageLookupOutcome.Faulted, lookup.Outcome);
        Assert.DoesNotContain(Patient, lookup.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Patient, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timeout_inside_the_source_is_a_passing_fault_but_the_callers_cancellation_propagates()
    {
        var (guarded, _, _) = Guard(new TaskCanceledException("inner timeout"));
        Assert.Equal(ImageLookupOutcome.Unavailable, (await guarded.ResolveAsync("a", TestContext.Current.CancellationToken)).Outcome);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var (stopping, _, _) = Guard(new OperationCanceledException(cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stopping.ResolveAsync("a", cancelled.Token));
    }

    [Fact]
    public async Task The_plugins_answers_keep_their_meaning()
    {
        var source = new ScriptedSource(new Answering(ImageResolution.Found("/images/a")));
        source.Script.Enqueue(ImageResolution.Invalid("leaves the store"));
        source.Script.Enqueue(ImageResolution.Unknown("no file a"));
        var guarded = new GuardedImageSource("Vendor.In", source, GuardedOutputTests.StatesWith("Vendor.In"), new CapturingLoggerProvider().CreateLogger("t"));
        var token = TestContext.Current.CancellationToken;

        Assert.Equal(ImageLookup.NotFound(ImageLookupOutcome.Invalid, "leaves the store"), await guarded.ResolveAsync("a", token));
        Assert.Equal(ImageLookup.NotFound(ImageLookupOutcome.Unknown, "no file a"), await guarded.ResolveAsync("a", token));
        Assert.Equal(ImageLookup.Found("/images/a"), await guarded.ResolveAsync("a", token));
    }

    private static (GuardedImageSource Guarded, PluginStates States, CapturingLoggerProvider Logs) Guard(Exception fault)
    {
        var states = GuardedOutputTests.StatesWith("Vendor.In");
        var logs = new CapturingLoggerProvider();
        var source = new ScriptedSource(new Answering(ImageResolution.Found("/images/a")));
        source.Script.Enqueue(fault);
        return (new GuardedImageSource("Vendor.In", source, states, logs.CreateLogger("guard")), states, logs);
    }

    private sealed class Answering(ImageResolution answer) : IImageSource
    {
        public ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken) => ValueTask.FromResult(answer);
    }
}
