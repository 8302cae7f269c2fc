using System.Buffers.Binary;
using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;
using Uplink.Dicom.Network.Tests.Pdus;
using Uplink.Dicom.Network.Tests.Support;

namespace Uplink.Dicom.Network.Tests.Associations;

/// <summary>The SCP under protocol violations, aborts and stalls from a raw peer: the right A-ASSOCIATE-RJ or A-ABORT, and nothing half-stored.</summary>
public sealed class ServerProtocolTests : IAsyncDisposable
{
    private const string UltrasoundImage = "1.2.840.10008.5.1.4.1.1.6.1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly TemporaryFolder _store = new();
    private readonly TemporaryFolder _spool = new();
    private readonly FolderStoreHandler _handler;
    private readonly DicomServer _server;

    public ServerProtocolTests()
    {
        _handler = new FolderStoreHandler(_store.Path);
        _server = DicomServer.Start(
            new DicomServerOptions
            {
                AeTitle = "UPLINK",
                AllowedCallingAeTitles = ["SENDER"],
                AbstractSyntaxes = [UltrasoundImage],
                MaxPduLength = 4096,
                TemporaryDirectory = _spool.Path,
                Timeouts = new DicomNetworkTimeouts(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)),
            },
            _handler);
    }

    [Fact]
    public async Task A_request_with_an_item_length_past_the_pdu_is_aborted_as_an_invalid_parameter()
    {
        var bytes = Convert.FromHexString(PduEncodingTests.AssociateRequestHex);
        var at = bytes.AsSpan().IndexOf(Convert.FromHexString("2000002E"));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 2), 0x0400);

        Assert.Equal("07000000000400000206", await AnswerToAsync(bytes));
    }

    [Fact]
    public async Task A_request_with_an_even_presentation_context_id_is_aborted_as_an_invalid_parameter()
    {
        var bytes = Convert.FromHexString(PduEncodingTests.AssociateRequestHex);
        bytes[bytes.AsSpan().IndexOf(Convert.FromHexString("2000002E")) + 4] = 4;

        Assert.Equal("07000000000400000206", await AnswerToAsync(bytes));
    }

    [Fact]
    public async Task A_request_with_an_unknown_item_type_is_aborted_as_an_unrecognized_parameter()
    {
        var bytes = Convert.FromHexString(PduEncodingTests.AssociateRequestHex);
        bytes[bytes.AsSpan().IndexOf(Convert.FromHexString("2000002E"))] = 0x77;

        Assert.Equal("07000000000400000204", await AnswerToAsync(bytes));
    }

    [Fact]
    public async Task An_unknown_pdu_type_is_aborted_as_an_unrecognized_pdu()
        => Assert.Equal("07000000000400000201", await AnswerToAsync(Convert.FromHexString("0A000000000400000000")));

    [Fact]
    public async Task Data_before_association_is_aborted_as_an_unexpected_pdu()
        => Assert.Equal("07000000000400000202", await AnswerToAsync(Convert.FromHexString("04000000000600000002" + "0103")));

    [Theory]
    [InlineData("", "SENDER", "03000000000400010107")]
    [InlineData("OTHER", "SENDER", "03000000000400010107")]
    [InlineData("UPLINK", "", "03000000000400010103")]
    [InlineData("UPLINK", "STRANGER", "03000000000400010103")]
    public async Task A_wrong_or_empty_AE_title_is_rejected_permanently_with_its_reason(string called, string calling, string expected)
        => Assert.Equal(expected, await AnswerToAsync(Request(called, calling)));

    [Fact]
    public async Task A_connection_that_sends_nothing_is_closed_when_ARTIM_expires()
    {
        using var peer = await RawPeer.ConnectAsync(_server.Port);

        Assert.Null(await peer.ReceiveAsync(Wait));
    }

    [Fact]
    public async Task A_peer_that_aborts_mid_data_set_leaves_nothing_stored_or_spooled()
    {
        using var peer = await AssociateAsync();
        await peer.SendAsync(StoreCommandAndHalfADataSet());
        await peer.SendAsync(PduEncoder.Encode(AbortPdu.ByUser()));

        Assert.Null(await peer.ReceiveAsync(Wait));
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task A_peer_that_stalls_mid_data_set_is_aborted_when_the_DIMSE_timeout_fires_and_nothing_is_kept()
    {
        using var peer = await AssociateAsync();
        await peer.SendAsync(StoreCommandAndHalfADataSet());

        Assert.Equal("07000000000400000000", Convert.ToHexString((await peer.ReceiveAsync(Wait))!));
        Assert.Null(await peer.ReceiveAsync(Wait));
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task An_idle_association_is_aborted_when_the_idle_timeout_fires()
    {
        using var peer = await AssociateAsync();

        Assert.Equal("07000000000400000000", Convert.ToHexString((await peer.ReceiveAsync(Wait))!));
    }

    [Fact]
    public async Task A_data_set_pdv_on_a_context_never_accepted_is_aborted()
    {
        using var peer = await AssociateAsync();
        await peer.SendAsync(Convert.FromHexString("04000000000600000002" + "0503"));

        Assert.Equal("07000000000400000205", Convert.ToHexString((await peer.ReceiveAsync(Wait))!));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _store.Dispose();
        _spool.Dispose();
    }

    private static byte[] Request(string called, string calling) => PduEncoder.Encode(new AssociateRequest(
        1, called, calling, AssociateRequest.DicomApplicationContext,
        [new PresentationContext(1, UltrasoundImage, ["1.2.840.10008.1.2"])],
        UserInformation.Uplink(16384)));

    private static byte[] StoreCommandAndHalfADataSet()
    {
        var command = DimseCommands.StoreRequest(1, UltrasoundImage, "1.2.3.4").Encode();
        byte[] pdv(byte control, byte[] data)
        {
            var pdu = new byte[12 + data.Length];
            pdu[0] = 4;
            BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)(data.Length + 6));
            BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(6), (uint)(data.Length + 2));
            pdu[10] = 1;
            pdu[11] = control;
            data.CopyTo(pdu, 12);
            return pdu;
        }

        return [.. pdv(3, command), .. pdv(0, new byte[1000])];
    }

    private async Task<RawPeer> AssociateAsync()
    {
        var peer = await RawPeer.ConnectAsync(_server.Port);
        await peer.SendAsync(Request("UPLINK", "SENDER"));
        var answer = await peer.ReceiveAsync(Wait);
        Assert.Equal((byte)PduType.AssociateAccept, answer![0]);
        return peer;
    }

    private async Task<string> AnswerToAsync(byte[] bytes)
    {
        using var peer = await RawPeer.ConnectAsync(_server.Port);
        await peer.SendAsync(bytes);
        var answer = await peer.ReceiveAsync(Wait);
        Assert.NotNull(answer);
        Assert.Null(await peer.ReceiveAsync(Wait));
        return Convert.ToHexString(answer);
    }

    private async Task AssertNothingKeptAsync()
    {
        // The session deletes its spool file as it unwinds, just after the socket closes.
        for (var i = 0; i < 100 && Directory.GetFiles(_spool.Path).Length > 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Empty(_handler.Received);
        Assert.Empty(_store.Files());
        Assert.Empty(Directory.GetFiles(_spool.Path));
    }
}
