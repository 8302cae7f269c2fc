using Microsoft.Extensions.DependencyInjection;
using Uplink.Dicom.Network;
using Uplink.Output.DicomStore;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tests.Shared;

namespace Uplink.Plugins.Tests.Outputs.DicomStore;

/// <summary>The C-STORE output against dcmtk storescp and against Uplink's own SCP (for the statuses storescp cannot give).</summary>
public sealed class DicomStoreOutputTests : IDisposable
{
    private readonly TempFolder _temp = new("uplink-cstore-out");

    [Fact]
    public async Task A_share_is_delivered_over_one_association_and_arrives_in_its_transfer_syntaxes()
    {
        await using var peer = await StorescpPeer.StartAsync();
        var batch = new[] { "us/atl_ybr_full_exvrle.dcm", "us/acuson_ybr_full_rle.dcm", "us/philips_palette_ivrle.dcm" }
            .Select(f => Corpus.Instance(Corpus.File(f))).ToArray();

        var results = await Output(StorescpPeer.AeTitle, peer.Port).DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Equal(batch.Select(b => b.IdempotencyKey), results.Select(r => r.IdempotencyKey));
        Assert.Equal(3, peer.Files().Length);
    }

    [Fact]
    public async Task A_node_that_refuses_the_association_makes_every_instance_a_retry_with_the_reason()
    {
        await using var peer = await StorescpPeer.StartAsync("--refuse");
        var batch = new[] { Corpus.Instance(Corpus.File("us/atl_ybr_full_exvrle.dcm")) };

        var result = Assert.Single(await Output(StorescpPeer.AeTitle, peer.Port).DeliverAsync(batch, TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Retry, result.Status);
        Assert.Contains("rejected", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_aborts_mid_transfer_makes_the_unacknowledged_instances_retries()
    {
        await using var peer = await StorescpPeer.StartAsync("--abort-during");
        var batch = new[] { Corpus.Instance(Corpus.File("us/acuson_ybr_full_rle.dcm")), Corpus.Instance(Corpus.File("us/atl_ybr_full_exvrle.dcm")) };

        var results = await Output(StorescpPeer.AeTitle, peer.Port).DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Retry, r.Status));
    }

    [Theory]
    [InlineData((ushort)0xA700, DeliveryStatus.Retry)]
    [InlineData((ushort)0xA900, DeliveryStatus.SetAside)]
    [InlineData((ushort)0xB000, DeliveryStatus.Delivered)]
    public async Task The_nodes_status_decides_delivered_retry_or_set_aside_and_is_recorded(ushort status, DeliveryStatus expected)
    {
        var instance = Corpus.Instance(Corpus.File("us/atl_ybr_full_exvrle.dcm"));
        var options = new DicomServerOptions { AeTitle = "PACS", AbstractSyntaxes = [instance.SopClassUid], TemporaryDirectory = _temp.Path };
        await using var server = DicomServer.Start(options, new FixedStatus(status));

        var result = Assert.Single(await Output("PACS", server.Port).DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Equal(expected, result.Status);
        Assert.Equal(status == 0xB000 || expected != DeliveryStatus.Delivered, result.Reason?.Contains($"0x{status:X4}", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public async Task An_instance_whose_SOP_class_the_node_does_not_accept_is_set_aside_and_the_others_still_go()
    {
        var accepted = Corpus.Instance(Corpus.File("us/atl_ybr_full_exvrle.dcm"));
        var refused = Corpus.Instance(Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm"));
        var options = new DicomServerOptions { AeTitle = "PACS", AbstractSyntaxes = [accepted.SopClassUid], TemporaryDirectory = _temp.Path };
        await using var server = DicomServer.Start(options, new FixedStatus(DimseStatus.Success));

        var results = await Output("PACS", server.Port).DeliverAsync([refused, accepted], TestContext.Current.CancellationToken);

        Assert.Equal([DeliveryStatus.SetAside, DeliveryStatus.Delivered], results.Select(r => r.Status));
        Assert.Contains(refused.SopClassUid, results[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_without_a_host_or_AE_title_are_refused_naming_the_setting()
    {
        var context = new TestPluginContext("Uplink.Output.DicomStore", new Dictionary<string, string?> { ["Port"] = "104" }, _temp.Path);

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new DicomStoreOutputPlugin().ConfigureServices(new ServiceCollection(), context));

        Assert.Contains("Host", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CalledAeTitle", "PACS\\ONE")]
    [InlineData("CalledAeTitle", "    ")]
    [InlineData("CallingAeTitle", "A_TITLE_LONGER_THAN_16")]
    [InlineData("Port", "0")]
    [InlineData("TimeoutSeconds", "soon")]
    public void Settings_out_of_the_standard_are_refused_in_one_line_naming_the_setting(string setting, string value)
    {
        var settings = new Dictionary<string, string?> { ["Host"] = "127.0.0.1", ["Port"] = "104", ["CalledAeTitle"] = "PACS", [setting] = value };
        var context = new TestPluginContext("Uplink.Output.DicomStore", settings, _temp.Path);

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new DicomStoreOutputPlugin().ConfigureServices(new ServiceCollection(), context));

        Assert.StartsWith("DICOM store output setting", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{setting}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose() => _temp.Dispose();

    internal static IOutputPlugin Output(string ae, int port)
    {
        var settings = new Dictionary<string, string?> { ["Host"] = "127.0.0.1", ["Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["CalledAeTitle"] = ae, ["TimeoutSeconds"] = "10" };
        var services = new ServiceCollection();
        new DicomStoreOutputPlugin().ConfigureServices(services, new TestPluginContext("Uplink.Output.DicomStore", settings, Path.GetTempPath()));
        return services.BuildServiceProvider().GetRequiredService<IOutputPlugin>();
    }

    private sealed class FixedStatus(ushort status) : IDicomStoreHandler
    {
        public Task<ushort> StoreAsync(DicomStoreRequest request, CancellationToken cancellationToken) => Task.FromResult(status);
    }
}
