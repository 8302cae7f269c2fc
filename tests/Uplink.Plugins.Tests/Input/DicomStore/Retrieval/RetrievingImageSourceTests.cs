using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Dicom;
using Uplink.Input.DicomStore;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tests.Shared;

namespace Uplink.Plugins.Tests.Input.DicomStore.Retrieval;

/// <summary>The DICOM input's image source with an archive configured: dcmqrscp and Orthanc on loopback, C-GET and C-MOVE.</summary>
public sealed class RetrievingImageSourceTests(OrthancFixture orthanc) : IClassFixture<OrthancFixture>, IAsyncDisposable
{
    private const string ExplicitFile = "us/atl_ybr_full_exvrle.dcm";
    private readonly TempFolder _data = new("uplink-retrieve");
    private readonly CancellationTokenSource _stop = new();
    private ServiceProvider? _services;
    private Task? _running;

    private string StoreFolder => _data.Combine("instances");

    [Fact]
    public async Task An_instance_not_yet_received_is_fetched_by_C_GET_and_then_served_from_the_store_byte_identical_to_the_archive()
    {
        var source = CorpusFile(ExplicitFile);
        await using var archive = await DcmqrscpPeer.StartAsync();
        await archive.LoadAsync(source);
        var images = Configure(Settings(archive.Port, "get"));
        var uid = Uid(source);

        var resolution = await images.ResolveAsync(uid, TestContext.Current.CancellationToken);

        Assert.Equal(ImageResolutionOutcome.Found, resolution.Outcome);
        Assert.Equal(Path.Combine(StoreFolder, uid + ".dcm"), resolution.Path);
        Assert.Equal(DatasetBytes(Assert.Single(archive.StoredFiles())), DatasetBytes(resolution.Path!));
        Assert.Empty(Directory.GetFiles(StoreFolder, "*.part"));
        var served = await File.ReadAllBytesAsync(resolution.Path!, TestContext.Current.CancellationToken);

        await archive.DisposeAsync();
        var again = await images.ResolveAsync(uid, TestContext.Current.CancellationToken);
        Assert.Equal(served, await File.ReadAllBytesAsync(again.Path!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_instance_not_yet_received_is_fetched_by_C_MOVE_into_the_inputs_own_scp_and_then_served()
    {
        var source = CorpusFile(ExplicitFile);
        var inputPort = LoopbackPort.Free();
        await using var archive = await DcmqrscpPeer.StartAsync(new Dictionary<string, int> { ["UPLINK"] = inputPort });
        await archive.LoadAsync(source);
        var images = Configure(Settings(archive.Port, "move", inputPort), run: true);

        var resolution = await images.ResolveAsync(Uid(source), TestContext.Current.CancellationToken);

        Assert.Equal(ImageResolutionOutcome.Found, resolution.Outcome);
        Assert.Equal(DatasetBytes(Assert.Single(archive.StoredFiles())), DatasetBytes(resolution.Path!));
    }

    [Theory]
    [InlineData("get", "us/atl_ybr_full_exvrle.dcm")]
    [InlineData("get", "us/atl_jpeg_baseline.dcm")]
    [InlineData("move", "us/atl_ybr_full_exvrle.dcm")]
    [InlineData("move", "us/acuson_ybr_full_rle.dcm")]
    public async Task Orthanc_as_the_archive_serves_an_instance_equal_at_the_DICOM_level_to_the_upload(string method, string file)
    {
        var source = CorpusFile(file);
        var inputPort = await OrthancArchiveAsync(source);
        var images = Configure(Settings(orthanc.DicomPort, method, inputPort, "ORTHANC"), run: method == "move");

        var resolution = await images.ResolveAsync(Uid(source), TestContext.Current.CancellationToken);

        // Orthanc's dcmtk re-serialises data sets on the wire (group lengths recomputed), so the comparison is of
        // every element's value, in the transfer syntax it was uploaded in.
        Assert.Equal(ImageResolutionOutcome.Found, resolution.Outcome);
        using var sent = DicomFile.Open(source);
        using var served = DicomFile.Open(resolution.Path!);
        Assert.Equal(sent.TransferSyntax.Uid, served.TransferSyntax.Uid);
        Assert.Equal(Values(sent.Dataset), Values(served.Dataset));
    }

    [Fact]
    public async Task A_uid_the_archive_has_no_match_for_is_an_invalid_id()
    {
        await using var archive = await DcmqrscpPeer.StartAsync();
        await archive.LoadAsync(CorpusFile(ExplicitFile));
        var images = Configure(Settings(archive.Port, "get"));

        var resolution = await images.ResolveAsync("2.25.987654321", TestContext.Current.CancellationToken);

        Assert.Equal(ImageResolutionOutcome.Invalid, resolution.Outcome);
        Assert.Contains("no instance", resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_archive_is_a_passing_fault_thrown_as_an_IO_error()
    {
        var images = Configure(Settings(LoopbackPort.Free(), "get"));

        var error = await Assert.ThrowsAsync<IOException>(async () => await images.ResolveAsync("2.25.1", TestContext.Current.CancellationToken));

        Assert.Contains("ARCHIVE@127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_the_archive_cannot_route_to_uplink_fails_for_good_naming_the_destination()
    {
        var source = CorpusFile(ExplicitFile);
        await using var archive = await DcmqrscpPeer.StartAsync();
        await archive.LoadAsync(source);
        var images = Configure(Settings(archive.Port, "move"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await images.ResolveAsync(Uid(source), TestContext.Current.CancellationToken));

        Assert.Contains("0xA801", error.Message, StringComparison.Ordinal);
        Assert.Contains("UPLINK", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Retrieve:Archive", "ARCHIVE@127.0.0.1", "Retrieve:Archive")]
    [InlineData("Retrieve:Method", "put", "Retrieve:Method")]
    [InlineData("Retrieve:Root", "series", "Retrieve:Root")]
    [InlineData("Retrieve:TimeoutSeconds", "0", "Retrieve:TimeoutSeconds")]
    public void A_wrong_retrieve_setting_stops_the_plugin_naming_the_setting(string key, string value, string named)
    {
        var settings = Settings(104, "get");
        settings[key] = value;

        var error = Assert.Throws<ValidationException>(() => Configure(settings));

        Assert.StartsWith(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_archive_an_instance_not_received_stays_unknown()
    {
        var images = Configure(new Dictionary<string, string?> { ["AeTitle"] = "UPLINK", ["Port"] = "0" });

        Assert.Equal(ImageResolutionOutcome.Unknown, (await images.ResolveAsync("2.25.1", TestContext.Current.CancellationToken)).Outcome);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _stop.Dispose();
        _data.Dispose();
    }

    private static Dictionary<string, string?> Settings(int archivePort, string method, int inputPort = 0, string archiveAe = DcmqrscpPeer.AeTitle) => new()
    {
        ["AeTitle"] = "UPLINK",
        ["Port"] = inputPort.ToString(CultureInfo.InvariantCulture),
        ["Retrieve:Archive"] = $"{archiveAe}@127.0.0.1:{archivePort}",
        ["Retrieve:Method"] = method,
        ["Retrieve:TimeoutSeconds"] = "10",
    };

    private static string CorpusFile(string relative) =>
        Path.Combine(RepositoryLayout.Shared("dicom-corpus") ?? throw new InvalidOperationException("shared/dicom-corpus is missing"), relative);

    private static string Uid(string path)
    {
        using var file = DicomFile.Open(path);
        return file.Dataset.GetString(DicomTags.SOPInstanceUID)!;
    }

    /// <summary>Everything after the File Meta Information, whose length (0002,0000) both Uplink and dcmtk write first.</summary>
    private static byte[] DatasetBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        Assert.Equal(new byte[] { 0x02, 0x00, 0x00, 0x00, (byte)'U', (byte)'L' }, bytes[132..138]);
        return bytes[(144 + (int)BitConverter.ToUInt32(bytes, 140))..];
    }

    /// <summary>Empties Orthanc, uploads the file over REST (kept as uploaded), and registers UPLINK on a free port as a modality that may find, get and be moved to.</summary>
    private async Task<int> OrthancArchiveAsync(string file)
    {
        if (orthanc.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await orthanc.ResetAsync();
        using var upload = new ByteArrayContent(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        (await orthanc.Http.PostAsync(new Uri(orthanc.BaseUrl, "instances"), upload, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var port = LoopbackPort.Free();
        using var modality = new StringContent($$"""{"AET": "UPLINK", "Host": "127.0.0.1", "Port": {{port}}}""");
        (await orthanc.Http.PutAsync(new Uri(orthanc.BaseUrl, "modalities/uplink"), modality, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return port;
    }

    /// <summary>Every element's tag and value bytes, depth first, group lengths left out.</summary>
    private static List<string> Values(DicomDataset dataset)
    {
        var values = new List<string>();
        foreach (var item in dataset.Where(i => i.Tag.Element != 0x0000))
        {
            switch (item)
            {
                case DicomElement element:
                    using (var value = element.OpenValue())
                    using (var copy = new MemoryStream())
                    {
                        value.CopyTo(copy);
                        values.Add($"{item.Tag} {Convert.ToHexString(copy.ToArray())}");
                    }

                    break;
                case DicomSequence sequence:
                    values.Add($"{item.Tag} {sequence.Items.Count} items");
                    values.AddRange(sequence.Items.SelectMany(Values));
                    break;
                case DicomFragmentSequence fragments:
                    foreach (var fragment in fragments.Fragments)
                    {
                        using var value = fragment.OpenRead();
                        using var copy = new MemoryStream();
                        value.CopyTo(copy);
                        values.Add($"{item.Tag} fragment {Convert.ToHexString(copy.ToArray())}");
                    }

                    break;
            }
        }

        return values;
    }

    private IImageSource Configure(Dictionary<string, string?> settings, bool run = false)
    {
        var services = new ServiceCollection();
        new DicomStorePlugin().ConfigureServices(services, new TestPluginContext("Uplink.Input.DicomStore", settings, _data.Path));
        _services = services.BuildServiceProvider();
        if (run)
        {
            _running = _services.GetRequiredService<IInputPlugin>().RunAsync(new UnusedIntake(), _stop.Token);
        }

        return _services.GetRequiredService<IImageSource>();
    }

    private sealed class UnusedIntake : IShareIntake
    {
        public Task<ShareReceipt> SubmitAsync(ShareRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ShareStatusReport?> GetStatusAsync(string shareId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
