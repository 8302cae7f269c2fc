using System.Net.Sockets;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Associations;

/// <summary>
/// The one owner of a connection and its upper-layer state (PS3.8 9.2). Every PDU in or out goes through here,
/// each receive runs under the timer its state calls for, and any protocol violation ends in an A-ABORT and
/// a closed socket. Not thread-safe: one session drives it.
/// </summary>
internal sealed class Association : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PduReader _reader;
    private readonly TimeProvider _time;

    // transport: the TLS stream over the socket when the association is secured; null reads the socket directly.
    public Association(Socket socket, uint ownMaxPduLength, DicomNetworkTimeouts timeouts, TimeProvider time, AssociationState initial, Stream? transport = null)
    {
        socket.NoDelay = true;
        _socket = socket;
        _stream = transport ?? new NetworkStream(socket, ownsSocket: false);
        _reader = new PduReader(_stream, ownMaxPduLength);
        Timeouts = timeouts;
        _time = time;
        State = initial;
        OwnMaxPduLength = ownMaxPduLength;
    }

    public AssociationState State { get; private set; }

    public DicomNetworkTimeouts Timeouts { get; }

    public uint OwnMaxPduLength { get; }

    /// <summary>The maximum P-DATA-TF length the peer announced (0 = unlimited), known once established.</summary>
    public uint PeerMaxPduLength { get; private set; }

    /// <summary>Accepted presentation contexts by id, with their one transfer syntax and abstract syntax.</summary>
    public Dictionary<byte, (string AbstractSyntax, string TransferSyntax)> AcceptedContexts { get; } = [];

    public Stream Stream => _stream;

    /// <summary>Moves to <paramref name="next"/>; the caller must be in <paramref name="expected"/> (a bug otherwise).</summary>
    public void Transition(AssociationState expected, AssociationState next)
    {
        if (State != expected)
        {
            throw new InvalidOperationException($"Association is in {State}, not {expected}; cannot move to {next}.");
        }

        State = next;
    }

    public void Establish(uint peerMaxPduLength, IEnumerable<(byte Id, string AbstractSyntax, string TransferSyntax)> contexts)
    {
        PeerMaxPduLength = peerMaxPduLength;
        foreach (var (id, abstractSyntax, transferSyntax) in contexts)
        {
            AcceptedContexts[id] = (abstractSyntax, transferSyntax);
        }

        State = AssociationState.Established;
    }

    /// <summary>Receives the next PDU within <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">The timer expired.</exception>
    /// <exception cref="PduFormatException">The PDU header is invalid.</exception>
    /// <exception cref="EndOfStreamException">The connection closed inside a PDU.</exception>
    public async Task<RawPdu?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            return await _reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No PDU from the peer within {timeout.TotalSeconds:0.###} s while {State}.");
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> pdu, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(Timeouts.Dimse, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _stream.WriteAsync(pdu, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The peer did not take a PDU within {Timeouts.Dimse.TotalSeconds:0.###} s.");
        }
    }

    /// <summary>Sends A-ABORT (best effort: the peer may be gone) and closes the connection.</summary>
    public async Task AbortAsync(AbortPdu abort)
    {
        if (State == AssociationState.Closed)
        {
            return;
        }

        try
        {
            using var timer = new CancellationTokenSource(Timeouts.Artim, _time);
            await _stream.WriteAsync(PduEncoder.Encode(abort), timer.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The abort is a courtesy; the close below is what ends the association.
        }

        Close();
    }

    /// <summary>Sta13: after sending A-ASSOCIATE-RJ or A-RELEASE-RP, gives the peer ARTIM to close first, then closes.</summary>
    public async Task AwaitPeerCloseAsync(CancellationToken cancellationToken)
    {
        State = AssociationState.AwaitingClose;
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            var buffer = new byte[256];
            using var timer = new CancellationTokenSource(Timeouts.Artim, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
            while (await _stream.ReadAsync(buffer, linked.Token).ConfigureAwait(false) > 0)
            {
                // Anything the peer still sends in Sta13 is ignored (PS3.8 table 9-10, AA-6/AA-7).
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // ARTIM expired or the peer reset: either way the connection is done.
        }

        Close();
    }

    public void Close()
    {
        State = AssociationState.Closed;

        // A plain close, not a reset: a reset could discard an A-ABORT or A-RELEASE-RP still in the send buffer.
        _socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        if (State != AssociationState.Closed)
        {
            Close();
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }
}
