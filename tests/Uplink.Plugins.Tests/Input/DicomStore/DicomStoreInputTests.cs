using Microsoft.Extensions.DependencyInjection;
using Uplink.Dicom;
using Uplink.Dicom.Network;
using Uplink.Input.DicomStore;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tests.Shared;

namespace Uplink.Plugins.Tests.Input.DicomStore;

/// <summary>The DICOM receiver input, configured as the host would, receiving from dcmtk and from Uplink's SCU on loopback.</summary>
public sealed class DicomStoreInputTests : IAsyncDisposable
{
    private readonly TempFolder _data = new("uplink-dicomstore");
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private readonly DicomStoreInput _input;
    private readonly Task _running;

    public DicomStoreInputTests()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AeTitle"] = "UPLINK",
            ["Port"] = "0",
            ["AllowedCallingAeTitles:0"] = "SENDER",
        };
        var services = new ServiceCollection();
        new DicomStorePlugin().ConfigureServices(services, new TestPluginContext("Uplink.Input.DicomStore", settings, _data.Path));
        _services = services.BuildServiceProvider();
        _input = (DicomStoreInput)_services.GetRequiredService<IInputPlugin>();
        _running = _input.RunAsync(new UnusedIntake(), _stop.Token);
    }

    private string StoreFolder => _data.Combine("instances");

    [Fact]
    public async Task Storescu_instances_are_kept_under_their_SOP_Instance_UID_and_found_by_the_image_source()
    {
        var corpus = RepositoryLayout.Shared("dicom-corpus") ?? throw new InvalidOperationException("no corpus");
        string[] files = [Path.Combine(corpus, "us/atl_ybr_full_exvrle.dcm"), Path.Combine(corpus, "us/acuson_ybr_full_rle.dcm")];
        var port = await PortAsync();

        string[] args = ["-xr", "-aet", "SENDER", "-aec", "UPLINK", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. files];

        var (exit, output) = await DcmtkTool.RunAsync(TimeSpan.FromSeconds(60), "storescu", args);

        Assert.True(exit == 0, output);
        var source = _services.GetRequiredService<IImageSource>();
        foreach (var file in files)
        {
            using var original = DicomFile.Open(file);
            var uid = original.Dataset.GetString(DicomTags.SOPInstanceUID)!;
            var resolution = await source.ResolveAsync(uid, TestContext.Current.CancellationToken);
            Assert.Equal(ImageResolutionOutcome.Found, resolution.Outcome);
            using var stored = DicomFile.Open(resolution.Path!);
            Assert.Equal(uid, stored.Dataset.GetString(DicomTags.SOPInstanceUID));
            Assert.Equal(original.TransferSyntax.Uid, stored.TransferSyntax.Uid);
        }

        Assert.Equal(2, Directory.GetFiles(StoreFolder).Length);
    }

    [Fact]
    public async Task A_repeated_instance_is_acknowledged_again_and_kept_once_unchanged()
    {
        var file = Path.Combine(RepositoryLayout.Shared("dicom-corpus")!, "us/atl_ybr_full_exvrle.dcm");
        await using var client = await ConnectAsync(file);

        Assert.Equal(DimseStatus.Success, await client.StoreAsync(file, TestContext.Current.CancellationToken));
        var kept = Assert.Single(Directory.GetFiles(StoreFolder));
        var bytes = await File.ReadAllBytesAsync(kept, TestContext.Current.CancellationToken);
        var written = File.GetLastWriteTimeUtc(kept);
        Assert.Equal(DimseStatus.Success, await client.StoreAsync(file, TestContext.Current.CancellationToken));

        Assert.Equal(kept, Assert.Single(Directory.GetFiles(StoreFolder)));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(kept, TestContext.Current.CancellationToken));
        Assert.Equal(written, File.GetLastWriteTimeUtc(kept));
    }

    [Fact]
    public async Task A_store_that_fails_answers_out_of_resources_and_keeps_nothing()
    {
        var file = Path.Combine(RepositoryLayout.Shared("dicom-corpus")!, "us/atl_ybr_full_exvrle.dcm");
        await using var client = await ConnectAsync(file);
        Directory.Delete(StoreFolder, recursive: true);

        Assert.Equal(DimseStatus.OutOfResources, await client.StoreAsync(file, TestContext.Current.CancellationToken));

        Assert.False(Directory.Exists(StoreFolder) && Directory.GetFiles(StoreFolder).Length > 0);
    }

    [Fact]
    public async Task A_caller_not_on_the_allow_list_is_rejected()
    {
        var options = new DicomClientOptions { Host = "127.0.0.1", Port = await PortAsync(), CalledAeTitle = "UPLINK", CallingAeTitle = "STRANGER" };

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() =>
            DicomClient.ConnectAsync(options, [DicomPresentationProposal.Verification], TestContext.Current.CancellationToken));

        Assert.Contains("reason 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd", ImageResolutionOutcome.Invalid)]
    [InlineData("1.2.3.4.5.6", ImageResolutionOutcome.Unknown)]
    public async Task An_image_id_is_invalid_unless_it_is_a_UID_and_unknown_until_received(string id, ImageResolutionOutcome expected)
        => Assert.Equal(expected, (await _services.GetRequiredService<IImageSource>().ResolveAsync(id, TestContext.Current.CancellationToken)).Outcome);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await _services.DisposeAsync();
        _stop.Dispose();
        _data.Dispose();
    }

    private async Task<int> PortAsync()
    {
        for (var i = 0; i < 500 && _input.Port is null; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        return _input.Port ?? throw new InvalidOperationException("The input did not start listening.");
    }

    private async Task<DicomClient> ConnectAsync(string file)
    {
        var options = new DicomClientOptions { Host = "127.0.0.1", Port = await PortAsync(), CalledAeTitle = "UPLINK", CallingAeTitle = "SENDER" };
        return await DicomClient.ConnectAsync(options, DicomPresentationProposal.ForFiles([file]), TestContext.Current.CancellationToken);
    }
}
