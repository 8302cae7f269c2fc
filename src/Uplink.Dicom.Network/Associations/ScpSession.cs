using System.Net.Sockets;
using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;
using Uplink.Dicom.Network.Security;

namespace Uplink.Dicom.Network.Associations;

/// <summary>
/// One accepted connection, from Sta2 to close: negotiates, answers C-ECHO and C-STORE, and ends with a
/// release, an abort either way, or a timeout (which aborts). A data set in flight when the association
/// ends is deleted; the handler only ever sees complete instances. A session beyond the server's association cap
/// answers its request with a transient rejection.
/// </summary>
internal sealed class ScpSession(Socket socket, DicomServerOptions options, IDicomStoreHandler handler, bool overCapacity)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Stream? transport = null;
        if (options.Tls is { } tls)
        {
            try
            {
                socket.NoDelay = true;
                transport = await TlsTransport.AcceptAsync(socket, tls, options.Timeouts.Artim, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DicomNetworkException or OperationCanceledException)
            {
                // No TLS, no association: a peer that cannot complete the handshake gets the connection closed.
                socket.Close();
                return;
            }
        }

        var association = new Association(socket, options.MaxPduLength, options.Timeouts, options.TimeProvider, AssociationState.AwaitingRequest, transport);
        await using (association.ConfigureAwait(false))
        {
            try
            {
                var calling = await NegotiateAsync(association, cancellationToken).ConfigureAwait(false);
                if (calling is not null)
                {
                    await ServeAsync(association, calling, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (PduFormatException e)
            {
                await association.AbortAsync(AbortPdu.ByProvider(e.Reason)).ConfigureAwait(false);
            }
            catch (DimseFormatException)
            {
                await association.AbortAsync(AbortPdu.ByProvider(AbortReason.UnexpectedPduParameter)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // ARTIM in Sta2 closes without a word (AA-2 path); an established association is aborted.
                if (association.State == AssociationState.AwaitingRequest)
                {
                    association.Close();
                }
                else
                {
                    await association.AbortAsync(AbortPdu.ByUser()).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Socket errors, the server stopping, or a fault of this session: the association ends with an
                // A-ABORT either way, and no other association or the listener is affected.
                await association.AbortAsync(AbortPdu.ByProvider(AbortReason.NotSpecified)).ConfigureAwait(false);
            }
        }
    }

    private async Task<string?> NegotiateAsync(Association association, CancellationToken cancellationToken)
    {
        var pdu = await association.ReceiveAsync(options.Timeouts.Artim, cancellationToken).ConfigureAwait(false);
        if (pdu is null)
        {
            association.Close();
            return null;
        }

        if (pdu.Type != PduType.AssociateRequest)
        {
            throw new PduFormatException(AbortReason.UnexpectedPdu, $"{pdu.Type} while waiting for A-ASSOCIATE-RQ.");
        }

        var request = PduDecoder.DecodeAssociateRequest(pdu.Body);
        var outcome = overCapacity ? NegotiationOutcome.OverCapacity : AssociationNegotiator.Answer(request, options);
        if (outcome.Reject is { } reject)
        {
            await association.SendAsync(PduEncoder.Encode(reject), cancellationToken).ConfigureAwait(false);
            await association.AwaitPeerCloseAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        var accept = outcome.Accept!;
        await association.SendAsync(PduEncoder.Encode(accept), cancellationToken).ConfigureAwait(false);
        var proposed = request.PresentationContexts.ToDictionary(c => c.Id, c => c.AbstractSyntax);
        association.Establish(
            request.UserInformation.MaxPduLength,
            accept.PresentationContexts.Where(r => r.IsAccepted).Select(r => (r.Id, proposed[r.Id], r.TransferSyntax)));
        return request.CallingAeTitle;
    }

    private async Task ServeAsync(Association association, string calling, CancellationToken cancellationToken)
    {
        using var assembler = new MessageAssembler(association.AcceptedContexts, options.TemporaryDirectory, StoreResponder.SpoolPrefix(association, calling));
        var writer = new DataTransferWriter(association);
        while (true)
        {
            var timeout = assembler.InProgress ? options.Timeouts.Dimse : options.Timeouts.Idle;
            var pdu = await association.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false);
            switch (pdu?.Type)
            {
                case null:
                    // The peer closed without release or abort (A-P-ABORT): nothing more to do.
                    association.Close();
                    return;
                case PduType.DataTransfer:
                    foreach (var pdv in PduDecoder.DecodeDataTransfer(pdu.Body))
                    {
                        using var message = await assembler.AddAsync(pdv, cancellationToken).ConfigureAwait(false);
                        if (message is not null)
                        {
                            await RespondAsync(association, writer, calling, message, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    break;
                case PduType.ReleaseRequest when !assembler.InProgress:
                    PduDecoder.DecodeRelease(pdu.Body, pdu.Type);
                    await association.SendAsync(PduEncoder.EncodeRelease(PduType.ReleaseResponse), cancellationToken).ConfigureAwait(false);
                    await association.AwaitPeerCloseAsync(cancellationToken).ConfigureAwait(false);
                    return;
                case PduType.Abort:
                    association.Close();
                    return;
                default:
                    throw new PduFormatException(AbortReason.UnexpectedPdu, $"{pdu.Type} on an established association.");
            }
        }
    }

    private async Task RespondAsync(Association association, DataTransferWriter writer, string calling, DimseMessage message, CancellationToken cancellationToken)
    {
        var command = message.Command;
        var messageId = command.GetUInt16(CommandTags.MessageId) ?? 0;
        CommandSet response;
        switch (command.CommandField)
        {
            case CommandField.CEchoRequest:
                response = DimseCommands.EchoResponse(messageId, DimseStatus.Success);
                break;
            case CommandField.CStoreRequest when message.SpoolPath is not null || message.DatasetLost:
                response = await StoreResponder.AnswerAsync(association, handler, calling, message, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new DimseFormatException($"Command 0x{command.CommandField:X4} is not one this side performs.");
        }

        await writer.SendAsync(message.ContextId, response, null, 0, cancellationToken).ConfigureAwait(false);
    }
}
