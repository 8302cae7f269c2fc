using Uplink.Tests.Shared;
using Uplink.Dicom.Network.Tests.Support;

namespace Uplink.Dicom.Network.Tests.Interop;

/// <summary>Uplink's SCU against dcmtk storescp on loopback: echo, store as stored, and storescp's fault knobs.</summary>
public sealed class ClientIntoStorescpTests
{
    private static readonly string[] Files =
    [
        "us/philips_palette_ivrle.dcm", "us/atl_ybr_full_exvrle.dcm", "us/atl_jpeg_baseline.dcm", "us/acuson_ybr_full_rle.dcm",
    ];

    [Fact]
    public async Task Echo_against_storescp_succeeds_and_the_association_releases()
    {
        await using var peer = await StorescpPeer.StartAsync();
        await using var client = await DicomClient.ConnectAsync(Options(peer), [DicomPresentationProposal.Verification], TestContext.Current.CancellationToken);

        var status = await client.EchoAsync(TestContext.Current.CancellationToken);
        await client.ReleaseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DimseStatus.Success, status);
    }

    [Theory]
    [InlineData("4096")]
    [InlineData("16384")]
    [InlineData("131072")]
    public async Task Four_files_in_four_syntaxes_arrive_with_data_sets_byte_identical_to_the_sources(string peerMaxPdu)
    {
        var sources = Files.Select(Corpus.File).ToArray();
        await using var peer = await StorescpPeer.StartAsync("-pdu", peerMaxPdu);
        await using var client = await DicomClient.ConnectAsync(Options(peer), DicomPresentationProposal.ForFiles(sources), TestContext.Current.CancellationToken);

        foreach (var source in sources)
        {
            Assert.Equal(DimseStatus.Success, await client.StoreAsync(source, TestContext.Current.CancellationToken));
        }

        await client.ReleaseAsync(TestContext.Current.CancellationToken);
        var received = peer.Files().ToDictionary(f => Part10Header.Read(f).SopInstanceUid);
        Assert.Equal(sources.Length, received.Count);
        foreach (var source in sources)
        {
            var header = Part10Header.Read(source);
            Assert.Equal(Corpus.DatasetBytes(source), Corpus.DatasetBytes(received[header.SopInstanceUid]));
            Assert.Equal(header.TransferSyntaxUid, Part10Header.Read(received[header.SopInstanceUid]).TransferSyntaxUid);
        }
    }

    [Fact]
    public async Task A_peer_that_aborts_during_the_transfer_fails_the_store_with_a_network_error()
    {
        var source = Corpus.File("us/acuson_ybr_full_rle.dcm");
        await using var peer = await StorescpPeer.StartAsync("--abort-during");
        await using var client = await DicomClient.ConnectAsync(Options(peer), DicomPresentationProposal.ForFiles([source]), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() => client.StoreAsync(source, TestContext.Current.CancellationToken));

        Assert.Contains("abort", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_peer_that_stalls_before_answering_times_out_and_the_association_is_aborted()
    {
        var source = Corpus.File("us/atl_ybr_full_exvrle.dcm");
        await using var peer = await StorescpPeer.StartAsync("--sleep-during", "30");
        var options = Options(peer) with { Timeouts = DicomNetworkTimeouts.Default with { Dimse = TimeSpan.FromSeconds(1) } };
        await using var client = await DicomClient.ConnectAsync(options, DicomPresentationProposal.ForFiles([source]), TestContext.Current.CancellationToken);
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() => client.StoreAsync(source, TestContext.Current.CancellationToken));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "the DIMSE timeout did not fire in time");
        await Assert.ThrowsAsync<DicomNetworkException>(() => client.EchoAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_association_the_peer_refuses_fails_with_the_rejection_in_the_message()
    {
        await using var peer = await StorescpPeer.StartAsync("--refuse");

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() =>
            DicomClient.ConnectAsync(Options(peer), [DicomPresentationProposal.Verification], TestContext.Current.CancellationToken));

        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
    }

    private static DicomClientOptions Options(StorescpPeer peer) => new()
    {
        Host = "127.0.0.1",
        Port = peer.Port,
        CalledAeTitle = StorescpPeer.AeTitle,
        CallingAeTitle = "UPLINK",
    };
}
