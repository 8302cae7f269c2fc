using Uplink.Dicom.Network.Associations;
using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network;

/// <summary>C-FIND, C-MOVE and C-GET as SCU (PS3.4 annex C, PS3.7 9.1.2–9.1.4), with C-CANCEL on cancellation.</summary>
public sealed partial class DicomClient
{
    /// <summary>Queries the peer (C-FIND) and collects the matches.</summary>
    /// <param name="query">The identifier (see <see cref="DicomQuery.FindInstance"/>).</param>
    /// <param name="cancellationToken">Cancels the query: C-CANCEL is sent, and the association aborted if the peer does not end the query within <see cref="DicomClientOptions.CancelGrace"/>.</param>
    /// <returns>The final status and the matches.</returns>
    /// <exception cref="DicomNetworkException">No C-FIND context of the model was accepted, or the association failed or timed out.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<DicomFindResult> FindAsync(DicomQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sopClass = QueryRetrieveSopClasses.Find(query.Root);
        var context = ContextFor(sopClass, null);
        var matches = new List<DicomDataset>();
        var (final, cancelled) = await GuardAsync(() => ExchangeAsync(context, RetrieveCommands.FindRequest(_nextMessageId++, sopClass), query, null, response =>
        {
            if (IsPending(response.Command) && response.SpoolPath is { } path)
            {
                matches.Add(ReadIdentifier(path));
            }
        }, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return cancelled ? throw new OperationCanceledException(cancellationToken) : new DicomFindResult(Status(final), matches);
    }

    /// <summary>Asks the peer to send what the identifier matches to another AE by C-STORE (C-MOVE); that AE is usually this side's own SCP.</summary>
    /// <param name="query">The identifier (see <see cref="DicomQuery.RetrieveInstance"/>).</param>
    /// <param name="destinationAeTitle">The AE the peer sends to; the peer must know its address.</param>
    /// <param name="progress">Receives each pending response's counters; may be null.</param>
    /// <param name="cancellationToken">Cancels the retrieve: C-CANCEL, then an abort if the peer ignores it.</param>
    /// <returns>The final response: status and sub-operation counts.</returns>
    /// <exception cref="DicomNetworkException">No C-MOVE context of the model was accepted, or the association failed or timed out.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<DicomRetrieveStatus> MoveAsync(DicomQuery query, string destinationAeTitle, IProgress<DicomRetrieveStatus>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var destination = AeTitle.Validate(destinationAeTitle, "move destination");
        var sopClass = QueryRetrieveSopClasses.Move(query.Root);
        var context = ContextFor(sopClass, null);
        return RetrieveAsync(context, RetrieveCommands.MoveRequest(_nextMessageId++, sopClass, destination), query, null, progress, cancellationToken);
    }

    /// <summary>
    /// Retrieves what the identifier matches over this association (C-GET): the peer sends each instance as a C-STORE
    /// sub-operation, which this side performs as SCP, spooling the data set to <see cref="DicomClientOptions.TemporaryDirectory"/>
    /// and handing it to <paramref name="store"/>, whose answer is the sub-operation's status.
    /// </summary>
    /// <param name="query">The identifier (see <see cref="DicomQuery.RetrieveInstance"/>).</param>
    /// <param name="store">Keeps each instance received.</param>
    /// <param name="progress">Receives each pending response's counters; may be null.</param>
    /// <param name="cancellationToken">Cancels the retrieve: C-CANCEL, then an abort if the peer ignores it.</param>
    /// <returns>The final response: status and sub-operation counts.</returns>
    /// <exception cref="DicomNetworkException">No C-GET context was accepted, the peer took the SCP role for no storage context, or the association failed or timed out.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<DicomRetrieveStatus> GetAsync(DicomQuery query, IDicomStoreHandler store, IProgress<DicomRetrieveStatus>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(store);
        var sopClass = QueryRetrieveSopClasses.Get(query.Root);
        var context = ContextFor(sopClass, null);
        if (!_association.AcceptedContexts.Values.Any(c => _scpRoles.Contains(c.AbstractSyntax)))
        {
            throw new DicomNetworkException("The peer accepted the SCP role for no storage context, so it cannot send C-GET sub-operations on this association (propose them with DicomPresentationProposal.ForRetrievedStorage).");
        }

        return RetrieveAsync(context, RetrieveCommands.GetRequest(_nextMessageId++, sopClass), query, store, progress, cancellationToken);
    }

    private static bool IsPending(CommandSet response) => Status(response) is DicomRetrieveStatus.Pending or 0xFF01;

    private static ushort Status(CommandSet response) =>
        response.GetUInt16(CommandTags.Status) ?? throw new DimseFormatException("Response without a status (0000,0900).");

    private static DicomRetrieveStatus Counters(CommandSet response) => new(
        Status(response),
        response.GetUInt16(CommandTags.RemainingSubOperations),
        response.GetUInt16(CommandTags.CompletedSubOperations) ?? 0,
        response.GetUInt16(CommandTags.FailedSubOperations) ?? 0,
        response.GetUInt16(CommandTags.WarningSubOperations) ?? 0);

    private static DicomDataset ReadIdentifier(string path)
    {
        try
        {
            using var file = DicomFile.Open(path);
            return file.Dataset;
        }
        catch (DicomFormatException e)
        {
            throw new DimseFormatException($"A C-FIND match does not decode: {e.Message}");
        }
    }

    private async Task<DicomRetrieveStatus> RetrieveAsync(byte context, CommandSet request, DicomQuery query, IDicomStoreHandler? store, IProgress<DicomRetrieveStatus>? progress, CancellationToken cancellationToken)
    {
        var (final, cancelled) = await GuardAsync(() => ExchangeAsync(context, request, query, store, response =>
        {
            if (IsPending(response.Command))
            {
                progress?.Report(Counters(response.Command));
            }
        }, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return cancelled ? throw new OperationCanceledException(cancellationToken) : Counters(final);
    }

    /// <summary>
    /// Sends a request and its identifier, then reads until the final response: pending responses go to
    /// <paramref name="onResponse"/>, C-STORE sub-operations to <paramref name="store"/>. When the token fires, C-CANCEL
    /// is sent and the final response awaited for <see cref="DicomClientOptions.CancelGrace"/>, then the association is
    /// aborted. Receives are never themselves cancelled, so a PDU is never left half read.
    /// </summary>
    private async Task<(CommandSet Final, bool Cancelled)> ExchangeAsync(
        byte context, CommandSet request, DicomQuery query, IDicomStoreHandler? store, Action<DimseMessage> onResponse, CancellationToken cancellationToken)
    {
        var messageId = request.GetUInt16(CommandTags.MessageId) ?? 0;
        var identifier = query.Encode();
        using (var stream = new MemoryStream(identifier))
        {
            await _writer.SendAsync(context, request, stream, identifier.Length, cancellationToken).ConfigureAwait(false);
        }

        var cancelRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = cancellationToken.Register(() => cancelRequested.TrySetResult());
        Task? graceOver = null;
        while (true)
        {
            var receive = _association.ReceiveAsync(_association.Timeouts.Dimse, CancellationToken.None);
            if (graceOver is null && await Task.WhenAny(receive, cancelRequested.Task).ConfigureAwait(false) != receive)
            {
                await _writer.SendAsync(context, RetrieveCommands.CancelRequest(messageId), null, 0, CancellationToken.None).ConfigureAwait(false);
                graceOver = Task.Delay(_options.CancelGrace, _options.TimeProvider, CancellationToken.None);
            }

            if (graceOver is not null && await Task.WhenAny(receive, graceOver).ConfigureAwait(false) != receive)
            {
                // The peer ignores C-CANCEL: the abort closes the socket, which ends the pending receive too.
                await _association.AbortAsync(AbortPdu.ByUser()).ConfigureAwait(false);
                _ = receive.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                throw new OperationCanceledException("The peer did not answer C-CANCEL in time; the association was aborted.", cancellationToken);
            }

            var pdu = await receive.ConfigureAwait(false);
            if (pdu?.Type != PduType.DataTransfer)
            {
                throw NotDataTransfer(pdu);
            }

            foreach (var pdv in PduDecoder.DecodeDataTransfer(pdu.Body))
            {
                using var message = await _assembler.AddAsync(pdv, CancellationToken.None).ConfigureAwait(false);
                if (message is null)
                {
                    continue;
                }

                if (message.Command.CommandField == CommandField.CStoreRequest && store is not null)
                {
                    var response = await StoreResponder.AnswerAsync(_association, store, _options.CalledAeTitle.Trim(), message, CancellationToken.None).ConfigureAwait(false);
                    await _writer.SendAsync(message.ContextId, response, null, 0, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }

                if (message.Command.GetUInt16(CommandTags.MessageIdBeingRespondedTo) != messageId)
                {
                    throw new DimseFormatException($"Command 0x{message.Command.CommandField:X4} while waiting for responses to message {messageId}.");
                }

                onResponse(message);
                if (!IsPending(message.Command))
                {
                    return (message.Command, graceOver is not null);
                }
            }
        }
    }
}
