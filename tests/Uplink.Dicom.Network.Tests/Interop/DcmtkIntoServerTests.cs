using Uplink.Tests.Shared;
using Uplink.Dicom.Network.Tests.Support;

namespace Uplink.Dicom.Network.Tests.Interop;

/// <summary>dcmtk's storescu, dcmsend and echoscu as senders into Uplink's SCP on loopback.</summary>
public sealed class DcmtkIntoServerTests : IDisposable
{
    private static readonly string[] StorageClasses =
    [
        "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.3.1", "1.2.840.10008.5.1.4.1.1.7",
    ];

    private readonly TemporaryFolder _store = new();
    private readonly TemporaryFolder _spool = new();

    public static TheoryData<string, string, uint> Matrix()
    {
        var data = new TheoryData<string, string, uint>();
        foreach (var tool in new[] { "storescu", "dcmsend" })
        {
            foreach (var file in new[] { "us/philips_palette_ivrle.dcm", "us/atl_ybr_full_exvrle.dcm", "us/atl_jpeg_baseline.dcm", "us/acuson_ybr_full_rle.dcm" })
            {
                foreach (var pdu in new uint[] { 4096, 16384, 0 })
                {
                    data.Add(tool, file, pdu);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_dcmtk_sender_stores_an_instance_whose_data_set_arrives_as_storescp_receives_it(string tool, string file, uint maxPdu)
    {
        // dcmtk senders re-serialise the data set (group lengths, Implicit to Explicit), so the reference for
        // "byte-identical" is what the same sender puts on the wire to storescp, which keeps it bit for bit (+B).
        var source = Corpus.File(file);
        await using var reference = await StorescpPeer.StartAsync();
        var (referenceExit, referenceOutput) = await SendAsync(tool, StorescpPeer.AeTitle, reference.Port, source);
        Assert.True(referenceExit == 0, $"{tool} into storescp failed ({referenceExit}): {referenceOutput}");
        var handler = new FolderStoreHandler(_store.Path);
        await using var server = DicomServer.Start(Options(maxPdu), handler);

        var (exit, output) = await SendAsync(tool, "UPLINK", server.Port, source);

        Assert.True(exit == 0, $"{tool} failed ({exit}): {output}");
        var received = Assert.Single(_store.Files());
        Assert.Equal(Corpus.DatasetBytes(Assert.Single(reference.Files())), Corpus.DatasetBytes(received));
        Assert.Equal(Part10Header.Read(Assert.Single(reference.Files())).TransferSyntaxUid, Assert.Single(handler.Received).TransferSyntaxUid);
        Assert.Empty(Directory.GetFiles(_spool.Path));
    }

    [Fact]
    public async Task Storescu_proposing_only_implicit_stores_the_data_set_byte_identical_to_the_source()
    {
        var source = Corpus.File("us/philips_palette_ivrle.dcm");
        await using var server = DicomServer.Start(Options(4096), new FolderStoreHandler(_store.Path));

        var (exit, output) = await DcmtkTool.RunAsync(TimeSpan.FromSeconds(60), "storescu", "-xi", "-aet", "SENDER", "-aec", "UPLINK", "127.0.0.1", Port(server.Port), source);

        Assert.True(exit == 0, $"storescu failed ({exit}): {output}");
        Assert.Equal(Corpus.DatasetBytes(source), Corpus.DatasetBytes(Assert.Single(_store.Files())));
    }

    [Fact]
    public async Task Echoscu_gets_success_from_the_server()
    {
        await using var server = DicomServer.Start(Options(16384), new FolderStoreHandler(_store.Path));

        var (exit, output) = await DcmtkTool.RunAsync(TimeSpan.FromSeconds(30), "echoscu", "-aet", "SENDER", "-aec", "UPLINK", "127.0.0.1", Port(server.Port));

        Assert.True(exit == 0, $"echoscu failed ({exit}): {output}");
    }

    private static Task<(int ExitCode, string Output)> SendAsync(string tool, string calledAe, int port, string file)
    {
        string[] common = ["-aet", "SENDER", "-aec", calledAe, "127.0.0.1", Port(port), file];

        // storescu proposes uncompressed syntaxes unless told; dcmsend proposes what the file has.
        string[] args = tool == "storescu" ? [StorescuProposal(file), .. common] : common;
        return DcmtkTool.RunAsync(TimeSpan.FromSeconds(60), tool, args);
    }

    private static string StorescuProposal(string file) => Part10Header.Read(file).TransferSyntaxUid switch
    {
        "1.2.840.10008.1.2" => "-xi",
        "1.2.840.10008.1.2.4.50" => "-xy",
        "1.2.840.10008.1.2.5" => "-xr",
        _ => "-xe",
    };

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _store.Dispose();
        _spool.Dispose();
    }

    private DicomServerOptions Options(uint maxPdu) => new()
    {
        AeTitle = "UPLINK",
        AllowedCallingAeTitles = ["SENDER"],
        AbstractSyntaxes = StorageClasses,
        MaxPduLength = maxPdu,
        TemporaryDirectory = _spool.Path,
    };
}
