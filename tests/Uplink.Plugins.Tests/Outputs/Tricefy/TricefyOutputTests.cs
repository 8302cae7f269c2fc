using Microsoft.Extensions.Time.Testing;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tricefy.Simulator.Faults;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>The uploader against the simulator: every published limit, every failure, handled as the issue says.</summary>
public sealed class TricefyOutputTests : IAsyncLifetime
{
    private SimulatorScope _scope = null!;

    public async ValueTask InitializeAsync() => _scope = await SimulatorScope.StartAsync();

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task DeliverAsync_ValidInstances_AreStoredOnceEach()
    {
        var output = _scope.CreateOutput();
        var batch = new[] { _scope.Instance("2.25.11"), _scope.Instance("2.25.12") };

        var results = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Equal(["2.25.11", "2.25.12"], _scope.Simulator.Received.Instances.Select(i => i.SopInstanceUid).Order());
        Assert.Equal(2, _scope.Simulator.Received.UploadRequests);
    }

    [Fact]
    public async Task DeliverAsync_SameInstanceAgain_IsNotUploadedTwice()
    {
        var output = _scope.CreateOutput();
        var instance = _scope.Instance("2.25.13");

        await output.DeliverAsync([instance], TestContext.Current.CancellationToken);
        var again = await output.DeliverAsync([instance], TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(again).Status);
        Assert.Equal(1, _scope.Simulator.Received.UploadRequests);
    }

    [Fact]
    public async Task DeliverAsync_503_IsOneRequestAndRetry_TheHostsNextAttemptDeliversOnce()
    {
        var output = _scope.CreateOutput();
        _scope.Simulator.Faults.Enqueue(FaultKind.ServiceUnavailable, 1);
        var instance = _scope.Instance("2.25.14");

        var first = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));
        Assert.Equal(1, _scope.Simulator.Received.UploadRequests);
        var again = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Retry, first.Status);
        Assert.Contains("503", first.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, again.Status);
        Assert.Equal(2, _scope.Simulator.Received.UploadRequests);
        Assert.Equal(1, Assert.Single(_scope.Simulator.Received.Instances).TimesReceived);
    }

    [Fact]
    public async Task DeliverAsync_DroppedConnection_IsRetry_ThenDeliveredOnce()
    {
        var output = _scope.CreateOutput();
        _scope.Simulator.Faults.Enqueue(FaultKind.DropConnection);
        var instance = _scope.Instance("2.25.15");

        var first = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));
        var again = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Retry, first.Status);
        Assert.Contains("connection failed", first.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, again.Status);
        Assert.Equal(1, Assert.Single(_scope.Simulator.Received.Instances).TimesReceived);
    }

    [Fact]
    public async Task DeliverAsync_AnswerSlowerThanTheRequestBudget_TimesOutAsRetry_ThenDeliveredOnce()
    {
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["RequestTimeout"] = "00:00:00.500" });
        _scope.Simulator.Faults.Enqueue(FaultKind.SlowResponse, 1, TimeSpan.FromSeconds(5));
        var instance = _scope.Instance("2.25.16");

        var first = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));
        var again = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Retry, first.Status);
        Assert.Contains("did not answer", first.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, again.Status);
        Assert.Equal(2, _scope.Simulator.Received.UploadRequests);
        Assert.Equal(1, Assert.Single(_scope.Simulator.Received.Instances).TimesReceived);
    }

    [Fact]
    public async Task DeliverAsync_Persistent503_ReturnsRetry_ThenTheBreakerStopsHammering()
    {
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["BreakerMinimumThroughput"] = "2", ["BreakDuration"] = "00:00:30" });
        _scope.Simulator.Faults.Enqueue(FaultKind.ServiceUnavailable, 100);
        var batch = Enumerable.Range(20, 6).Select(i => _scope.Instance($"2.25.{i}")).ToArray();

        var results = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Retry, r.Status));
        Assert.Contains("503", results[0].Reason, StringComparison.Ordinal);
        Assert.Contains("circuit is open", results[^1].Reason, StringComparison.Ordinal);
        Assert.True(_scope.Simulator.Received.UploadRequests < batch.Length, $"{_scope.Simulator.Received.UploadRequests} requests for {batch.Length} instances: the breaker did not open.");
        Assert.Empty(_scope.Simulator.Received.Instances);
    }

    [Fact]
    public async Task DeliverAsync_401_StopsTheBatchWithCredentialsRejected_WithoutRetrying()
    {
        var output = _scope.CreateOutput();
        _scope.Simulator.Faults.Enqueue(FaultKind.Unauthorized, 100);
        var batch = Enumerable.Range(30, 4).Select(i => _scope.Instance($"2.25.{i}")).ToArray();

        var results = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.CredentialsRejected, r.Status));
        Assert.Equal(1, _scope.Simulator.Received.UploadRequests);
        Assert.DoesNotContain(_scope.Simulator.Options.Token, results[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_BreakerOpen_WaitsTheBreakDurationOnTheHostsClock_ThenTriesAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["BreakerMinimumThroughput"] = "2", ["BreakDuration"] = "00:00:30" }, time: clock);
        _scope.Simulator.Faults.Enqueue(FaultKind.ServiceUnavailable, 2);
        await output.DeliverAsync([_scope.Instance("2.25.31"), _scope.Instance("2.25.32")], TestContext.Current.CancellationToken);
        var instance = _scope.Instance("2.25.33");

        var whileOpen = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));
        clock.Advance(TimeSpan.FromSeconds(31));
        var afterwards = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Contains("circuit is open", whileOpen.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, afterwards.Status);
        Assert.Equal(3, _scope.Simulator.Received.UploadRequests);
    }

    [Fact]
    public async Task DeliverAsync_AfterA401_LaterDeliveriesAndTheHandOffSendNothing_UntilTheOutputIsConfiguredAgain()
    {
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["Token"] = "revoked-token" });
        var share = new ShareCompletion("share-1", new ShareRecipient("stop.after.401@example.org", null), ["2.25.1"], 1);

        var first = Assert.Single(await output.DeliverAsync([_scope.Instance("2.25.35")], TestContext.Current.CancellationToken));
        var later = Assert.Single(await output.DeliverAsync([_scope.Instance("2.25.36")], TestContext.Current.CancellationToken));
        var handOff = await output.CompleteShareAsync(share, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.CredentialsRejected, first.Status);
        Assert.Equal((DeliveryStatus.CredentialsRejected, DeliveryStatus.CredentialsRejected), (later.Status, handOff.Status));
        Assert.StartsWith("Not attempted", later.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _scope.Simulator.Received.UploadRequests);
        Assert.Single(_scope.Simulator.Received.Rejections);
        Assert.Empty(_scope.Simulator.Received.Shares);

        var reconfigured = _scope.CreateOutput(dataFolder: "reconfigured");
        var fixedUp = Assert.Single(await reconfigured.DeliverAsync([_scope.Instance("2.25.36")], TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.Delivered, fixedUp.Status);
    }

    [Fact]
    public async Task DeliverAsync_WrongToken_IsCredentialsRejected()
    {
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["Token"] = "not-the-token" });

        var result = Assert.Single(await output.DeliverAsync([_scope.Instance("2.25.40")], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.CredentialsRejected, result.Status);
        Assert.Contains("401", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_SopClassTricefyRefuses_IsSetAsideBeforeAnyRequest()
    {
        var output = _scope.CreateOutput();
        var ct = _scope.Instance("2.25.41", sopClassUid: "1.2.840.10008.5.1.4.1.1.2");

        var result = Assert.Single(await output.DeliverAsync([ct], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.SetAside, result.Status);
        Assert.Contains("1.2.840.10008.5.1.4.1.1.2", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _scope.Simulator.Received.UploadRequests);
    }

    [Fact]
    public async Task DeliverAsync_TransferSyntaxTricefyRefuses_IsSetAsideNamingIt()
    {
        var output = _scope.CreateOutput();
        var j2k = _scope.Instance("2.25.42", transferSyntaxUid: "1.2.840.10008.1.2.4.90");

        var result = Assert.Single(await output.DeliverAsync([j2k], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.SetAside, result.Status);
        Assert.Contains("1.2.840.10008.1.2.4.90", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _scope.Simulator.Received.UploadRequests);
    }

    [Fact]
    public async Task DeliverAsync_ServerRefusalTheAcceptanceDidNotForesee_SetsAsideThatFileOnly()
    {
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["MaxFileBytes"] = "50000000" });
        var big = _scope.Instance("2.25.43", pixelBytes: 10_100_000);
        var small = _scope.Instance("2.25.44");

        var results = await output.DeliverAsync([big, small], TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.SetAside, results[0].Status);
        Assert.Contains("413", results[0].Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, results[1].Status);
    }

    [Fact]
    public async Task DeliverAsync_FileOverTheLimit_IsSetAsideUntouched_NeverSplitByTheOutput()
    {
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["MaxFileBytes"] = "100000" });
        var big = _scope.Instance("2.25.45", pixelBytes: 200_000);
        var before = File.ReadAllBytes(big.FilePath);

        var result = Assert.Single(await output.DeliverAsync([big], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.SetAside, result.Status);
        Assert.Contains("100000", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _scope.Simulator.Received.UploadRequests);
        Assert.Equal(before, File.ReadAllBytes(big.FilePath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(big.FilePath)!, "*.dcm", SearchOption.AllDirectories));
    }

    [Fact]
    public void Acceptance_DeclaresTricefysPublishedRules_AndTheConfiguredLimit()
    {
        var output = Assert.IsAssignableFrom<IDeclaresAcceptance>(_scope.CreateOutput(new Dictionary<string, string?> { ["MaxFileBytes"] = "5000000", ["SplitLargeClips"] = "false" }));

        Assert.Equal(5_000_000, output.Acceptance.MaxFileBytes);
        Assert.False(output.Acceptance.SplitsLargeClips);
        Assert.True(output.Acceptance.AcceptsTransferSyntax("1.2.840.10008.1.2.4.50"));
        Assert.False(output.Acceptance.AcceptsTransferSyntax("1.2.840.10008.1.2.5"));
        Assert.False(output.Acceptance.AcceptsSopClass("1.2.840.10008.5.1.4.1.1.2"));
    }
}
