using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Tests.Plugins.Supervision;

public sealed class GuardedOutputTests
{
    private static readonly OutboundInstance[] Batch =
    [
        new("s", "s/1", "/a.dcm", 1, "1", "2", "3", "4", "5"),
        new("s", "s/2", "/b.dcm", 1, "1", "2", "3", "4", "5"),
    ];

    [Fact]
    public async Task AThrowingOutput_BecomesARetryPerInstance_AndTheStatusSaysFaulted()
    {
        var states = StatesWith("Vendor.Out");
        var guarded = new GuardedOutput("Vendor.Out", new Throwing(), states, NullLogger.Instance);

        var results = await guarded.DeliverAsync(Batch, TestContext.Current.CancellationToken);

        Assert.Equal(["s/1", "s/2"], results.Select(r => r.IdempotencyKey));
        Assert.All(results, r => Assert.Equal(DeliveryStatus.Retry, r.Status));
        Assert.Equal(PluginStatus.Faulted, states.Find("Vendor.Out")!.Status);
        Assert.Equal("output threw HttpRequestException", states.Find("Vendor.Out")!.Reason);
    }

    [Fact]
    public async Task AThrowingShareHandOff_IsARetry_AndNeverCarriesTheContactOrTheMessage()
    {
        var states = StatesWith("Vendor.Out");
        var guarded = new GuardedOutput("Vendor.Out", new Throwing(), states, NullLogger.Instance);

        var result = await guarded.CompleteShareAsync(new ShareCompletion("s", new ShareRecipient("jane@example.org", null), [], 0), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Retry, result.Status);
        Assert.DoesNotContain("jane", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", states.Find("Vendor.Out")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutputAnsweringTheWrongNumberOfResults_IsARetryForEveryInstance()
    {
        var states = StatesWith("Vendor.Out");
        var guarded = new GuardedOutput("Vendor.Out", new ShortAnswer(), states, NullLogger.Instance);

        var results = await guarded.DeliverAsync(Batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal("output Vendor.Out answered 1 results for 2 instances", r.Reason));
    }

    [Fact]
    public async Task ASuccessfulDelivery_MarksAFaultedOutputHealthyAgain()
    {
        var states = StatesWith("Vendor.Out");
        states.MarkFaulted("Vendor.Out", "earlier failure");

        await new GuardedOutput("Vendor.Out", new Fine(), states, NullLogger.Instance).DeliverAsync(Batch, TestContext.Current.CancellationToken);

        Assert.Equal(PluginStatus.Loaded, states.Find("Vendor.Out")!.Status);
    }

    [Fact]
    public async Task Cancellation_StillPropagates()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var guarded = new GuardedOutput("Vendor.Out", new Fine(), StatesWith("Vendor.Out"), NullLogger.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await guarded.DeliverAsync(Batch, cancelled.Token));
    }

    internal static PluginStates StatesWith(string id)
    {
        var states = new PluginStates();
        states.Add(new PluginState(id, "/plugins/" + id, null, null, true, "test", null, PluginStatus.Loaded, null));
        return states;
    }

    private sealed class Throwing : IOutputPlugin
    {
        public ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken) =>
            throw new HttpRequestException("upstream 503");

        public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"could not share with {share.Recipient.Email}");
    }

    private sealed class ShortAnswer : IOutputPlugin
    {
        public ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<DeliveryResult>>([DeliveryResult.Delivered(batch[0].IdempotencyKey)]);

        public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken) =>
            ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
    }

    private sealed class Fine : IOutputPlugin
    {
        public ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult<IReadOnlyList<DeliveryResult>>([.. batch.Select(i => DeliveryResult.Delivered(i.IdempotencyKey))]);
        }

        public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken) =>
            ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
    }
}
