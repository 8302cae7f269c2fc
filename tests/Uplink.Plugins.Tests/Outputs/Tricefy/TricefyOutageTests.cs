using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>An outage in the middle of a share: the simulator goes down, then up, and every instance arrives exactly once.</summary>
public sealed class TricefyOutageTests
{
    [Fact]
    public async Task DeliverAsync_SimulatorDownMidShareThenUp_EveryInstanceDeliveredExactlyOnce()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var output = scope.CreateOutput(new Dictionary<string, string?> { ["BreakDuration"] = "00:00:00.500" });
        var share = Enumerable.Range(1, 10).Select(i => scope.Instance($"2.25.50{i}")).ToArray();
        var pending = share.ToList();

        var first = await output.DeliverAsync(share[..4], TestContext.Current.CancellationToken);
        Assert.All(first, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        await scope.Simulator.StopAsync(TestContext.Current.CancellationToken);

        var rounds = 0;
        var sawRetry = false;
        while (pending.Count > 0 && rounds++ < 20)
        {
            if (rounds == 3)
            {
                await scope.Simulator.RestartAsync(TestContext.Current.CancellationToken);
            }

            var results = await output.DeliverAsync(pending, TestContext.Current.CancellationToken);
            sawRetry |= results.Any(r => r.Status == DeliveryStatus.Retry);
            Assert.DoesNotContain(results, r => r.Status is DeliveryStatus.SetAside or DeliveryStatus.CredentialsRejected);
            pending = [.. pending.Where((_, i) => results[i].Status != DeliveryStatus.Delivered)];
            await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        }

        Assert.True(sawRetry, "The outage was never seen: the test proved nothing.");
        Assert.Empty(pending);
        var received = scope.Simulator.Received.Instances;
        Assert.Equal(share.Select(s => s.SopInstanceUid).Order(), received.Select(r => r.SopInstanceUid).Order());
        Assert.All(received, r => Assert.Equal(1, r.TimesReceived));
    }

    [Fact]
    public async Task CompleteShareAsync_SimulatorDownAtHandOffThenUp_HandsTheContactOverOnce()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var output = scope.CreateOutput();
        await output.DeliverAsync([scope.Instance("2.25.601")], TestContext.Current.CancellationToken);
        var share = new ShareCompletion("share-9", new ShareRecipient("down.then.up@example.org", null), ["2.25.1"], 1);
        await scope.Simulator.StopAsync(TestContext.Current.CancellationToken);

        var whileDown = await output.CompleteShareAsync(share, TestContext.Current.CancellationToken);
        await scope.Simulator.RestartAsync(TestContext.Current.CancellationToken);
        var afterwards = await output.CompleteShareAsync(share, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Retry, whileDown.Status);
        Assert.Equal(DeliveryStatus.Delivered, afterwards.Status);
        Assert.Equal("down.then.up@example.org", Assert.Single(scope.Simulator.Received.Shares).Email);
    }
}
