using System.Net;
using System.Net.Sockets;
using Uplink.Dicom.Network.Associations;
using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Tests.Support;

/// <summary>
/// A Query/Retrieve SCP driven step by step by a test, built from the stack's own PDU and DIMSE pieces: it accepts
/// every proposed context (role selections granted or declined), then receives and sends whatever the test says,
/// including nothing at all (a stall), C-STORE sub-operations, or an A-ABORT.
/// </summary>
internal sealed class ScriptedScp : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TemporaryFolder _spool = new();
    private Association? _association;
    private MessageAssembler? _assembler;
    private DataTransferWriter? _writer;

    public ScriptedScp() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The A-ASSOCIATE-RQ the client sent.</summary>
    public AssociateRequest? Request { get; private set; }

    /// <summary>Accepts one association: each context with its first transfer syntax, each role selection granted or declined.</summary>
    public async Task AcceptAsync(bool grantScpRoles = true)
    {
        var socket = await _listener.AcceptSocketAsync(TestContext.Current.CancellationToken);
        _association = new Association(socket, 0, DicomNetworkTimeouts.Default, TimeProvider.System, AssociationState.AwaitingRequest);
        var pdu = await _association.ReceiveAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Request = PduDecoder.DecodeAssociateRequest(pdu!.Body);
        var results = Request.PresentationContexts.Select(c => new PresentationContextResult(c.Id, PresentationContextResult.Acceptance, c.TransferSyntaxes[0])).ToArray();
        var roles = Request.UserInformation.RoleSelections.Select(r => r with { ScpRole = r.ScpRole && grantScpRoles }).ToArray();
        var accept = new AssociateAccept(1, Request.CalledAeTitle, Request.CallingAeTitle, AssociateRequest.DicomApplicationContext, results, UserInformation.Uplink(16384, roles));
        await _association.SendAsync(PduEncoder.Encode(accept), TestContext.Current.CancellationToken);
        _association.Establish(Request.UserInformation.MaxPduLength, Request.PresentationContexts.Select(c => (c.Id, c.AbstractSyntax, c.TransferSyntaxes[0])));
        _assembler = new MessageAssembler(_association.AcceptedContexts, _spool.Path);
        _writer = new DataTransferWriter(_association);
    }

    /// <summary>The id of the accepted context for a SOP class.</summary>
    public byte ContextOf(string sopClass) => _association!.AcceptedContexts.First(c => c.Value.AbstractSyntax == sopClass).Key;

    /// <summary>The next complete DIMSE message, with its data set bytes (null when none came).</summary>
    public async Task<(byte Context, CommandSet Command, byte[]? Dataset)> ReceiveMessageAsync()
    {
        while (true)
        {
            var pdu = await ReceivePduAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(PduType.DataTransfer, pdu?.Type);
            foreach (var pdv in PduDecoder.DecodeDataTransfer(pdu!.Body))
            {
                using var message = await _assembler!.AddAsync(pdv, TestContext.Current.CancellationToken);
                if (message is not null)
                {
                    return (message.ContextId, message.Command, message.SpoolPath is null ? null : await File.ReadAllBytesAsync(message.SpoolPath));
                }
            }
        }
    }

    /// <summary>The next PDU, or null when the client closed the connection.</summary>
    public Task<RawPdu?> ReceivePduAsync(TimeSpan timeout) => _association!.ReceiveAsync(timeout, TestContext.Current.CancellationToken);

    public async Task SendAsync(byte context, CommandSet command, byte[]? dataset = null)
    {
        using var stream = dataset is null ? null : new MemoryStream(dataset);
        await _writer!.SendAsync(context, command, stream, dataset?.Length ?? 0, TestContext.Current.CancellationToken);
    }

    /// <summary>A C-MOVE/C-GET/C-FIND response to <paramref name="request"/> with the given status and counters.</summary>
    public static CommandSet Response(CommandSet request, ushort status, ushort? remaining = null, ushort completed = 0, bool withDataset = false)
    {
        var response = new CommandSet()
            .SetString(CommandTags.AffectedSopClassUid, request.GetString(CommandTags.AffectedSopClassUid)!)
            .SetUInt16(CommandTags.CommandField, (ushort)(request.CommandField | 0x8000))
            .SetUInt16(CommandTags.MessageIdBeingRespondedTo, request.GetUInt16(CommandTags.MessageId)!.Value)
            .SetUInt16(CommandTags.CommandDataSetType, withDataset ? CommandField.DataSetPresent : CommandField.NoDataSet)
            .SetUInt16(CommandTags.Status, status)
            .SetUInt16(CommandTags.CompletedSubOperations, completed)
            .SetUInt16(CommandTags.FailedSubOperations, 0)
            .SetUInt16(CommandTags.WarningSubOperations, 0);
        return remaining is { } left ? response.SetUInt16(CommandTags.RemainingSubOperations, left) : response;
    }

    public Task AbortAsync() => _association!.AbortAsync(AbortPdu.ByUser());

    public async ValueTask DisposeAsync()
    {
        _assembler?.Dispose();
        if (_association is not null)
        {
            await _association.DisposeAsync();
        }

        _listener.Stop();
        _listener.Dispose();
        _spool.Dispose();
    }
}
