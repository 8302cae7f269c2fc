using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy.Delivery;

/// <summary>The uploader's memory of acknowledged files: enough to never upload twice, and no more.</summary>
public sealed class DeliveryLedgerTests : IAsyncLifetime
{
    private SimulatorScope _scope = null!;

    private string Ledger => _scope.Temp.Combine("data", "delivered");

    public async ValueTask InitializeAsync() => _scope = await SimulatorScope.StartAsync();

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task A_completed_hand_off_drops_the_shares_markers_and_keeps_the_others()
    {
        var output = _scope.CreateOutput();
        await output.DeliverAsync([_scope.Instance("2.25.81", shareId: "share-a"), _scope.Instance("2.25.82", shareId: "share-b")], TestContext.Current.CancellationToken);
        Assert.Equal(2, Directory.GetDirectories(Ledger).Length);

        var result = await output.CompleteShareAsync(new ShareCompletion("share-a", new ShareRecipient("p@example.org", null), ["2.25.1"], 1), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var left = Assert.Single(Directory.GetDirectories(Ledger));
        Assert.Single(Directory.GetFiles(left));
        var again = await output.DeliverAsync([_scope.Instance("2.25.82", shareId: "share-b")], TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(again).Status);
        Assert.Equal(2, _scope.Simulator.Received.UploadRequests);
    }

    [Fact]
    public async Task Markers_untouched_for_longer_than_the_retention_go_when_the_plugin_starts()
    {
        var output = _scope.CreateOutput();
        await output.DeliverAsync([_scope.Instance("2.25.83", shareId: "stuck"), _scope.Instance("2.25.84", shareId: "recent")], TestContext.Current.CancellationToken);
        var folders = Directory.GetDirectories(Ledger);
        var old = TimeProvider.System.GetUtcNow().UtcDateTime - TimeSpan.FromDays(31);
        Directory.SetLastWriteTimeUtc(folders[0], old);
        var legacyMarker = Path.Combine(Ledger, "0123abcd");
        await File.WriteAllBytesAsync(legacyMarker, [], TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(legacyMarker, old);

        _scope.CreateOutput();

        Assert.Equal([folders[1]], Directory.GetFileSystemEntries(Ledger));
    }
}
