using System.Text;
using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;
using Uplink.Dicom.Network.Tests.Support;

namespace Uplink.Dicom.Network.Tests.Associations;

/// <summary>C-FIND, C-MOVE and C-GET as SCU against a scripted SCP: responses, sub-operations, timeouts, aborts and C-CANCEL.</summary>
public sealed class ClientRetrieveTests : IAsyncDisposable
{
    private const string StudyUid = "1.2.826.0.1.3680043.2.1125.1";
    private const string SeriesUid = "1.2.826.0.1.3680043.2.1125.2";
    private const string InstanceUid = "1.2.826.0.1.3680043.2.1125.3";
    private const string UltrasoundStorage = "1.2.840.10008.5.1.4.1.1.6.1";

    private static readonly DicomQuery Retrieve = DicomQuery.RetrieveInstance(DicomQueryRoot.Study, null, StudyUid, SeriesUid, InstanceUid);

    private readonly ScriptedScp _scp = new();
    private readonly TemporaryFolder _store = new();
    private readonly TemporaryFolder _spool = new();

    [Fact]
    public async Task Find_sends_the_identifier_as_encoded_and_collects_each_pending_match()
    {
        await using var client = await ConnectAsync();
        var find = client.FindAsync(DicomQuery.FindInstance(DicomQueryRoot.Study, InstanceUid), TestContext.Current.CancellationToken);

        var (context, request, identifier) = await _scp.ReceiveMessageAsync();
        Assert.Equal(CommandField.CFindRequest, request.CommandField);
        Assert.Equal("1.2.840.10008.5.1.4.1.2.2.1", request.GetString(CommandTags.AffectedSopClassUid));
        Assert.Equal(DicomQuery.FindInstance(DicomQueryRoot.Study, InstanceUid).Encode(), identifier);
        var match = DicomQuery.Create(DicomQueryRoot.Study, "IMAGE", new Dictionary<DicomTag, string> { [DicomTags.SOPInstanceUID] = InstanceUid, [DicomTags.StudyInstanceUID] = StudyUid }).Encode();
        await _scp.SendAsync(context, ScriptedScp.Response(request, DicomRetrieveStatus.Pending, withDataset: true), match);
        await _scp.SendAsync(context, ScriptedScp.Response(request, DimseStatus.Success));
        var result = await find;

        Assert.Equal(DimseStatus.Success, result.Status);
        Assert.Equal(StudyUid, Assert.Single(result.Matches).GetString(DicomTags.StudyInstanceUID));
        Assert.Empty(_spool.Files());
    }

    [Fact]
    public async Task Move_names_the_destination_reports_each_pending_response_and_returns_the_final_counters()
    {
        await using var client = await ConnectAsync();
        var progress = new List<DicomRetrieveStatus>();
        var move = client.MoveAsync(Retrieve, "UPLINK", new SynchronousProgress(progress), TestContext.Current.CancellationToken);

        var (context, request, identifier) = await _scp.ReceiveMessageAsync();
        Assert.Equal(CommandField.CMoveRequest, request.CommandField);
        Assert.Equal("UPLINK", request.GetString(CommandTags.MoveDestination));
        Assert.Equal(Retrieve.Encode(), identifier);
        await _scp.SendAsync(context, ScriptedScp.Response(request, DicomRetrieveStatus.Pending, remaining: 1, completed: 0));
        await _scp.SendAsync(context, ScriptedScp.Response(request, DicomRetrieveStatus.Pending, remaining: 0, completed: 1));
        await _scp.SendAsync(context, ScriptedScp.Response(request, DimseStatus.Success, completed: 1));
        var status = await move;

        Assert.Equal(new DicomRetrieveStatus(DimseStatus.Success, null, 1, 0, 0), status);
        Assert.Equal([1, 0], progress.Select(p => p.Remaining!.Value));
        Assert.True(client.IsOpen);
    }

    [Fact]
    public async Task Get_proposes_the_scp_role_stores_the_sub_operation_through_the_handler_and_answers_it()
    {
        var handler = new FolderStoreHandler(_store.Path);
        await using var client = await ConnectAsync();
        Assert.Contains(_scp.Request!.UserInformation.RoleSelections, r => r is { SopClassUid: UltrasoundStorage, ScuRole: true, ScpRole: true });
        var get = client.GetAsync(Retrieve, handler, null, TestContext.Current.CancellationToken);

        var (context, request, _) = await _scp.ReceiveMessageAsync();
        Assert.Equal(CommandField.CGetRequest, request.CommandField);
        byte[] dataset = [0x08, 0x00, 0x18, 0x00, 0x1C, 0x00, 0x00, 0x00, .. Encoding.ASCII.GetBytes(InstanceUid), 0];
        await _scp.SendAsync(_scp.ContextOf(UltrasoundStorage), DimseCommands.StoreRequest(7, UltrasoundStorage, InstanceUid), dataset);
        var (_, storeResponse, _) = await _scp.ReceiveMessageAsync();
        await _scp.SendAsync(context, ScriptedScp.Response(request, DimseStatus.Success, completed: 1));
        var status = await get;

        Assert.Equal((CommandField.CStoreResponse, (ushort?)7, (ushort?)DimseStatus.Success), (storeResponse.CommandField, storeResponse.GetUInt16(CommandTags.MessageIdBeingRespondedTo), storeResponse.GetUInt16(CommandTags.Status)));
        Assert.Equal(1, status.Completed);
        Assert.Equal(dataset, Corpus.DatasetBytes(Path.Combine(_store.Path, InstanceUid + ".dcm")));
        Assert.Empty(_spool.Files());
    }

    [Fact]
    public async Task Get_refuses_to_start_when_the_peer_declined_every_scp_role()
    {
        await using var client = await ConnectAsync(grantScpRoles: false);

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() => client.GetAsync(Retrieve, new FolderStoreHandler(_store.Path), null, TestContext.Current.CancellationToken));

        Assert.Contains("SCP role", error.Message, StringComparison.Ordinal);
        Assert.True(client.IsOpen);
    }

    [Fact]
    public async Task A_peer_that_stalls_after_the_request_times_out_and_is_aborted()
    {
        await using var client = await ConnectAsync(dimseTimeout: TimeSpan.FromMilliseconds(500));
        var move = client.MoveAsync(Retrieve, "UPLINK", null, TestContext.Current.CancellationToken);
        await _scp.ReceiveMessageAsync();

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() => move);

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.False(client.IsOpen);
        Assert.Equal(PduType.Abort, (await _scp.ReceivePduAsync(TimeSpan.FromSeconds(5)))?.Type);
    }

    [Fact]
    public async Task A_peer_that_aborts_mid_retrieve_fails_it_with_the_abort_in_the_message()
    {
        await using var client = await ConnectAsync();
        var get = client.GetAsync(Retrieve, new FolderStoreHandler(_store.Path), null, TestContext.Current.CancellationToken);
        var (context, request, _) = await _scp.ReceiveMessageAsync();
        await _scp.SendAsync(context, ScriptedScp.Response(request, DicomRetrieveStatus.Pending, remaining: 3, completed: 1));

        await _scp.AbortAsync();
        var error = await Assert.ThrowsAsync<DicomNetworkException>(() => get);

        Assert.Contains("aborted", error.Message, StringComparison.Ordinal);
        Assert.False(client.IsOpen);
    }

    [Fact]
    public async Task Cancelling_sends_C_CANCEL_for_the_operation_and_a_peer_that_answers_keeps_the_association()
    {
        await using var client = await ConnectAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var move = client.MoveAsync(Retrieve, "UPLINK", null, cancel.Token);
        var (context, request, _) = await _scp.ReceiveMessageAsync();
        await _scp.SendAsync(context, ScriptedScp.Response(request, DicomRetrieveStatus.Pending, remaining: 5, completed: 0));

        await cancel.CancelAsync();
        var (cancelContext, cancelRequest, cancelData) = await _scp.ReceiveMessageAsync();
        await _scp.SendAsync(context, ScriptedScp.Response(request, DicomRetrieveStatus.Cancelled, completed: 0));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move);
        Assert.Equal((context, CommandField.CCancelRequest, request.GetUInt16(CommandTags.MessageId), (byte[]?)null), (cancelContext, cancelRequest.CommandField, cancelRequest.GetUInt16(CommandTags.MessageIdBeingRespondedTo), cancelData));
        Assert.True(client.IsOpen);
    }

    [Fact]
    public async Task Cancelling_aborts_the_association_when_the_peer_ignores_C_CANCEL_past_the_grace()
    {
        await using var client = await ConnectAsync(cancelGrace: TimeSpan.FromMilliseconds(300));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var move = client.MoveAsync(Retrieve, "UPLINK", null, cancel.Token);
        await _scp.ReceiveMessageAsync();

        await cancel.CancelAsync();
        var (_, cancelRequest, _) = await _scp.ReceiveMessageAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move);
        Assert.Equal(CommandField.CCancelRequest, cancelRequest.CommandField);
        Assert.False(client.IsOpen);
        Assert.Equal(PduType.Abort, (await _scp.ReceivePduAsync(TimeSpan.FromSeconds(5)))?.Type);
    }

    public async ValueTask DisposeAsync()
    {
        await _scp.DisposeAsync();
        _store.Dispose();
        _spool.Dispose();
    }

    private async Task<DicomClient> ConnectAsync(bool grantScpRoles = true, TimeSpan? dimseTimeout = null, TimeSpan? cancelGrace = null)
    {
        var options = new DicomClientOptions
        {
            Host = "127.0.0.1",
            Port = _scp.Port,
            CalledAeTitle = "ARCHIVE",
            TemporaryDirectory = _spool.Path,
            Timeouts = DicomNetworkTimeouts.Default with { Dimse = dimseTimeout ?? TimeSpan.FromSeconds(10) },
            CancelGrace = cancelGrace ?? TimeSpan.FromSeconds(10),
        };
        var accepting = _scp.AcceptAsync(grantScpRoles);
        var client = await DicomClient.ConnectAsync(
            options,
            [.. DicomPresentationProposal.QueryRetrieve(DicomQueryRoot.Study), .. DicomPresentationProposal.ForRetrievedStorage([UltrasoundStorage], ["1.2.840.10008.1.2"])],
            TestContext.Current.CancellationToken);
        await accepting;
        return client;
    }
}
