using System.Net.Sockets;
using Uplink.Dicom.Network.Associations;
using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;
using Uplink.Dicom.Network.Security;

namespace Uplink.Dicom.Network;

/// <summary>
/// A DICOM association as requestor (SCU): C-ECHO; C-STORE of Part 10 files sent in the transfer syntax they
/// are stored in; C-FIND, C-MOVE and C-GET (whose C-STORE sub-operations it performs as SCP, spooled to disk).
/// One operation at a time. End it with <see cref="ReleaseAsync"/>; disposing without a release aborts.
/// </summary>
public sealed partial class DicomClient : IAsyncDisposable
{
    private readonly Association _association;
    private readonly DataTransferWriter _writer;
    private readonly MessageAssembler _assembler;
    private readonly DicomClientOptions _options;
    private readonly HashSet<string> _scpRoles;
    private ushort _nextMessageId = 1;

    private DicomClient(Association association, DicomClientOptions options, IEnumerable<string> scpRoles)
    {
        _association = association;
        _options = options;
        _scpRoles = [.. scpRoles];
        _writer = new DataTransferWriter(association);
        _assembler = new MessageAssembler(association.AcceptedContexts, options.TemporaryDirectory, StoreResponder.SpoolPrefix(association, options.CalledAeTitle.Trim()));
    }

    /// <summary>The accepted presentation contexts: SOP class and transfer syntax pairs this association can carry.</summary>
    public IReadOnlyCollection<(string SopClassUid, string TransferSyntaxUid)> AcceptedContexts =>
        [.. _association.AcceptedContexts.Values.Select(c => (c.AbstractSyntax, c.TransferSyntax))];

    /// <summary>Whether the association is still established (false after a release, an abort or a failure).</summary>
    public bool IsOpen => _association.State == AssociationState.Established;

    /// <summary>Connects and negotiates an association.</summary>
    /// <param name="options">Peer and AE titles.</param>
    /// <param name="proposals">What to propose (see <see cref="DicomPresentationProposal.ForFiles"/>).</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The established association.</returns>
    /// <exception cref="DicomNetworkException">Connection refused, rejected, aborted, or timed out; the message says which.</exception>
    public static async Task<DicomClient> ConnectAsync(DicomClientOptions options, IReadOnlyList<DicomPresentationProposal> proposals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(proposals);
        var called = AeTitle.Validate(options.CalledAeTitle, "called");
        var calling = AeTitle.Validate(options.CallingAeTitle, "calling");
        if (proposals.Count is 0 or > 128)
        {
            throw new ArgumentException($"Between 1 and 128 presentation contexts can be proposed (got {proposals.Count}).", nameof(proposals));
        }

        var socket = await ConnectSocketAsync(options, cancellationToken).ConfigureAwait(false);
        Stream? transport = null;
        if (options.Tls is { } tls)
        {
            try
            {
                transport = await TlsTransport.ConnectAsync(socket, tls, options.Host, options.Timeouts.Artim, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        var association = new Association(socket, options.MaxPduLength, options.Timeouts, options.TimeProvider, AssociationState.AwaitingAccept, transport);
        try
        {
            var contexts = proposals.Select((p, i) => new PresentationContext((byte)((2 * i) + 1), p.AbstractSyntax, p.TransferSyntaxes)).ToArray();
            var roles = proposals.Where(p => p.ScpRole).Select(p => p.AbstractSyntax).Distinct(StringComparer.Ordinal).Select(c => new RoleSelection(c, true, true)).ToArray();
            var request = new AssociateRequest(1, called, calling, AssociateRequest.DicomApplicationContext, contexts, UserInformation.Uplink(options.MaxPduLength, roles));
            await association.SendAsync(PduEncoder.Encode(request), cancellationToken).ConfigureAwait(false);
            var answer = await association.ReceiveAsync(options.Timeouts.Artim, cancellationToken).ConfigureAwait(false);
            switch (answer?.Type)
            {
                case PduType.AssociateAccept:
                    var accept = PduDecoder.DecodeAssociateAccept(answer.Body);
                    var proposed = contexts.ToDictionary(c => c.Id);
                    var accepted = accept.PresentationContexts
                        .Where(r => r.IsAccepted && proposed.ContainsKey(r.Id) && proposed[r.Id].TransferSyntaxes.Contains(r.TransferSyntax))
                        .Select(r => (r.Id, proposed[r.Id].AbstractSyntax, r.TransferSyntax));
                    association.Establish(accept.UserInformation.MaxPduLength, accepted);

                    // In the A-ASSOCIATE-AC the role fields answer for the requestor's roles (PS3.7 D.3.3.4).
                    var scpRoles = accept.UserInformation.RoleSelections.Where(r => r.ScpRole && roles.Any(p => p.SopClassUid == r.SopClassUid)).Select(r => r.SopClassUid);
                    return new DicomClient(association, options, scpRoles);
                case PduType.AssociateReject:
                    var reject = PduDecoder.DecodeAssociateReject(answer.Body);
                    association.Close();
                    throw new DicomNetworkException($"{called}@{options.Host}:{options.Port} rejected the association ({reject}).");
                case PduType.Abort:
                    var abort = PduDecoder.DecodeAbort(answer.Body);
                    association.Close();
                    throw new DicomNetworkException($"{called}@{options.Host}:{options.Port} aborted the association request (source {(byte)abort.Source}, reason {(byte)abort.Reason}).");
                case null:
                    association.Close();
                    throw new DicomNetworkException($"{called}@{options.Host}:{options.Port} closed the connection without answering the association request.");
                default:
                    throw new PduFormatException(AbortReason.UnexpectedPdu, $"{answer.Type} in answer to A-ASSOCIATE-RQ.");
            }
        }
        catch (Exception e) when (e is PduFormatException or TimeoutException or IOException or SocketException)
        {
            await association.AbortAsync(AbortPdu.ByProvider(e is PduFormatException f ? f.Reason : AbortReason.NotSpecified)).ConfigureAwait(false);
            await association.DisposeAsync().ConfigureAwait(false);
            throw new DicomNetworkException($"Association with {called}@{options.Host}:{options.Port} failed: {e.Message}", e);
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends C-ECHO.</summary>
    /// <param name="cancellationToken">Cancels the wait (the association is then aborted).</param>
    /// <returns>The response status.</returns>
    /// <exception cref="DicomNetworkException">No Verification context was accepted, or the association failed.</exception>
    public Task<ushort> EchoAsync(CancellationToken cancellationToken)
    {
        var context = ContextFor(DimseCommands.VerificationSopClass, null);
        return RunAsync(context, DimseCommands.EchoRequest(_nextMessageId++), null, cancellationToken);
    }

    /// <summary>Sends one Part 10 file by C-STORE, its data set bytes exactly as stored.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the transfer (the association is then aborted).</param>
    /// <returns>The response status (success, warning or failure; see <see cref="DimseStatus"/>).</returns>
    /// <exception cref="InvalidDataException">The file is not Part 10.</exception>
    /// <exception cref="DicomNetworkException">No accepted context fits the file, or the association failed.</exception>
    public Task<ushort> StoreAsync(string path, CancellationToken cancellationToken)
    {
        var header = Part10Header.Read(path);
        var context = ContextFor(header.SopClassUid, header.TransferSyntaxUid);
        var command = DimseCommands.StoreRequest(_nextMessageId++, header.SopClassUid, header.SopInstanceUid);
        return RunAsync(context, command, (path, header.DatasetOffset), cancellationToken);
    }

    /// <summary>Releases the association (A-RELEASE-RQ, waits for A-RELEASE-RP within ARTIM) and closes the connection.</summary>
    /// <param name="cancellationToken">Cancels the wait (the association is then aborted).</param>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await GuardAsync(async () =>
        {
            _association.Transition(AssociationState.Established, AssociationState.AwaitingReleaseResponse);
            await _association.SendAsync(PduEncoder.EncodeRelease(PduType.ReleaseRequest), cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var pdu = await _association.ReceiveAsync(_association.Timeouts.Artim, cancellationToken).ConfigureAwait(false);
                switch (pdu?.Type)
                {
                    case PduType.ReleaseResponse:
                    case null:
                        _association.Close();
                        return 0;
                    case PduType.ReleaseRequest:
                        // Release collision as requestor (Sta9 → Sta11): answer, then wait for our own RP.
                        await _association.SendAsync(PduEncoder.EncodeRelease(PduType.ReleaseResponse), cancellationToken).ConfigureAwait(false);
                        break;
                    case PduType.Abort:
                        _association.Close();
                        throw new DicomNetworkException("The peer aborted instead of releasing.");
                    default:
                        // P-DATA after our release request: the peer may still be finishing; nothing is outstanding here.
                        break;
                }
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Aborts the association (A-ABORT, source service user) and closes the connection.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public Task AbortAsync() => _association.AbortAsync(AbortPdu.ByUser());

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_association.State != AssociationState.Closed)
        {
            await AbortAsync().ConfigureAwait(false);
        }

        _assembler.Dispose();
        await _association.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<Socket> ConnectSocketAsync(DicomClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timer = new CancellationTokenSource(options.Timeouts.Artim, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, linked.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            socket.Dispose();
            throw new DicomNetworkException($"Cannot connect to {options.Host}:{options.Port}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private byte ContextFor(string sopClass, string? transferSyntax)
    {
        if (_association.State != AssociationState.Established)
        {
            throw new DicomNetworkException($"The association is {_association.State}; no more operations can run on it.");
        }

        foreach (var (id, (abstractSyntax, syntax)) in _association.AcceptedContexts)
        {
            if (abstractSyntax == sopClass && (transferSyntax is null || syntax == transferSyntax))
            {
                return id;
            }
        }

        throw new DicomNetworkException($"The peer accepted no presentation context for SOP class {sopClass}{(transferSyntax is null ? string.Empty : $" in transfer syntax {transferSyntax}")}.");
    }

    private Task<ushort> RunAsync(byte context, CommandSet command, (string Path, long Offset)? dataset, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (dataset is { } source)
            {
                var stream = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                await using (stream.ConfigureAwait(false))
                {
                    stream.Position = source.Offset;
                    await _writer.SendAsync(context, command, stream, stream.Length - source.Offset, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await _writer.SendAsync(context, command, null, 0, cancellationToken).ConfigureAwait(false);
            }

            return await ReceiveResponseAsync(command.GetUInt16(CommandTags.MessageId) ?? 0, cancellationToken).ConfigureAwait(false);
        });

    private async Task<ushort> ReceiveResponseAsync(ushort messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pdu = await _association.ReceiveAsync(_association.Timeouts.Dimse, cancellationToken).ConfigureAwait(false);
            switch (pdu?.Type)
            {
                case PduType.DataTransfer:
                    foreach (var pdv in PduDecoder.DecodeDataTransfer(pdu.Body))
                    {
                        using var message = await _assembler.AddAsync(pdv, cancellationToken).ConfigureAwait(false);
                        if (message?.Command.GetUInt16(CommandTags.MessageIdBeingRespondedTo) is { } respondedTo)
                        {
                            if (respondedTo != messageId)
                            {
                                throw new DimseFormatException($"Response to message {respondedTo} while waiting for {messageId}.");
                            }

                            return message.Command.GetUInt16(CommandTags.Status)
                                ?? throw new DimseFormatException("Response without a status (0000,0900).");
                        }
                    }

                    break;
                default:
                    throw NotDataTransfer(pdu);
            }
        }
    }

    /// <summary>What a PDU other than P-DATA-TF means while a response is awaited: the end of the association.</summary>
    private Exception NotDataTransfer(RawPdu? pdu)
    {
        switch (pdu?.Type)
        {
            case PduType.Abort:
                var abort = PduDecoder.DecodeAbort(pdu.Body);
                _association.Close();
                return new DicomNetworkException($"The peer aborted the association (source {(byte)abort.Source}, reason {(byte)abort.Reason}).");
            case null:
                _association.Close();
                return new DicomNetworkException("The peer closed the connection without a response.");
            default:
                return new PduFormatException(AbortReason.UnexpectedPdu, $"{pdu.Type} while waiting for a response.");
        }
    }

    /// <summary>Turns protocol, timeout and socket failures into an A-ABORT and a <see cref="DicomNetworkException"/>.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (e is PduFormatException or DimseFormatException or TimeoutException or IOException or SocketException or OperationCanceledException)
        {
            var reason = e is PduFormatException f ? f.Reason : e is DimseFormatException ? AbortReason.UnexpectedPduParameter : AbortReason.NotSpecified;
            await _association.AbortAsync(e is TimeoutException or OperationCanceledException ? AbortPdu.ByUser() : AbortPdu.ByProvider(reason)).ConfigureAwait(false);
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new DicomNetworkException(IsResetByPeer(e) ? $"The peer aborted the connection: {e.Message}" : $"The association failed: {e.Message}", e);
        }
    }

    // A peer that sends A-ABORT and closes while we are still writing shows up as a reset or broken pipe before its
    // A-ABORT PDU can be read: for the admin that is the same event.
    private static bool IsResetByPeer(Exception e) =>
        (e as SocketException ?? e.InnerException as SocketException)?.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown;
}
