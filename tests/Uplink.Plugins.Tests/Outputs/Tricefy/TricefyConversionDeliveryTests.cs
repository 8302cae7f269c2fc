using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tricefy.Simulator;
using Uplink.Tricefy.Simulator.Faults;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>Real files that Tricefy would refuse as they are, delivered after the pre-flight reworked them.</summary>
public sealed class TricefyConversionDeliveryTests : IAsyncLifetime
{
    private const long Limit = 1_000_000;
    private SimulatorScope _scope = null!;

    public async ValueTask InitializeAsync() => _scope = await SimulatorScope.StartAsync(new TricefySimulatorOptions { MaxFileBytes = Limit });

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task DeliverAsync_RleAndImplicitVr_ArriveAsExplicitLittleEndian()
    {
        var batch = new[] { Corpus.Instance(Corpus.File("us/acuson_ybr_full_rle.dcm")), Corpus.Instance(Corpus.File("us/philips_palette_ivrle.dcm")) };
        await using var roomy = await TricefySimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var output = CreateOutputFor(roomy);

        var results = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.All(roomy.Received.Instances, i => Assert.Equal("1.2.840.10008.1.2.1", i.TransferSyntaxUid));
        Assert.Equal(batch.Select(b => b.SopInstanceUid).Order(), roomy.Received.Instances.Select(i => i.SopInstanceUid).Order());
    }

    [Fact]
    public async Task DeliverAsync_ClipOverTheLimit_ArrivesAsPartsUnderIt()
    {
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["MaxFileBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var clip = Corpus.Instance(Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm"));

        var result = Assert.Single(await output.DeliverAsync([clip], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var received = _scope.Simulator.Received.Instances;
        Assert.True(received.Count >= 4, $"{received.Count} parts arrived");
        Assert.All(received, i => Assert.True(i.Length <= Limit));
        Assert.DoesNotContain(received, i => i.SopInstanceUid == clip.SopInstanceUid);
        Assert.DoesNotContain(_scope.Simulator.Received.Rejections, r => r.StatusCode == 413);
    }

    [Fact]
    public async Task DeliverAsync_OutageBetweenParts_ResumesWithTheMissingPartsOnly()
    {
        var output = _scope.CreateOutput(new Dictionary<string, string?> { ["MaxFileBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), ["MaxRetryAttempts"] = "0" });
        var clip = Corpus.Instance(Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm"));
        _scope.Simulator.Faults.Enqueue(FaultKind.SlowResponse, 2);
        _scope.Simulator.Faults.Enqueue(FaultKind.ServiceUnavailable, 1);

        var first = Assert.Single(await output.DeliverAsync([clip], TestContext.Current.CancellationToken));
        var partsBefore = _scope.Simulator.Received.Instances.Count;
        var second = Assert.Single(await output.DeliverAsync([clip], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Retry, first.Status);
        Assert.Equal(2, partsBefore);
        Assert.Equal(DeliveryStatus.Delivered, second.Status);
        Assert.All(_scope.Simulator.Received.Instances, i => Assert.Equal(1, i.TimesReceived));
        Assert.Equal(_scope.Simulator.Received.Instances.Count + 1, _scope.Simulator.Received.UploadRequests);
    }

    private IOutputPlugin CreateOutputFor(TricefySimulator simulator) => _scope.CreateOutput(new Dictionary<string, string?>
    {
        ["Endpoint"] = simulator.StudiesEndpoint.ToString(),
        ["ShareEndpoint"] = simulator.ShareEndpoint.ToString(),
        ["MaxFileBytes"] = "10000000",
    }, dataFolder: "roomy");
}
