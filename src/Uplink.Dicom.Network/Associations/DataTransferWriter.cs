using System.Buffers.Binary;
using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Associations;

/// <summary>
/// Sends one DIMSE message as P-DATA-TF PDUs, each holding one PDV and never longer than the peer's maximum
/// (PS3.8 annex D): the command's fragments first, then the data set's, streamed from its source. PDUs are
/// gathered into one write of up to <see cref="WriteSize"/> bytes: a small instance (command and data set in a few
/// PDUs of the peer's usual 16 KiB) goes out in one send instead of one per PDU.
/// </summary>
internal sealed class DataTransferWriter
{
    /// <summary>When the peer announced "unlimited", PDUs are cut at this size anyway.</summary>
    public const int UnlimitedChunk = 1 << 20;

    /// <summary>How many bytes of consecutive PDUs are gathered before they are written (at least one whole PDU).</summary>
    public const int WriteSize = 256 << 10;

    /// <summary>PDU header (6) plus PDV header (4 length, 1 context id, 1 control).</summary>
    private const int Overhead = 12;

    private readonly Association _association;
    private byte[] _buffer;
    private readonly int _maxData;
    private int _used;

    public DataTransferWriter(Association association)
    {
        _association = association;
        var peerMax = association.PeerMaxPduLength;

        // The maximum counts the PDU body (PDV items), so a PDV's data gets 6 bytes less.
        _maxData = peerMax == 0 || peerMax > UnlimitedChunk ? UnlimitedChunk : Math.Max(1, (int)peerMax - 6);
        _buffer = new byte[_maxData + Overhead];
    }

    public async Task SendAsync(byte contextId, CommandSet command, Stream? dataset, long datasetLength, CancellationToken cancellationToken)
    {
        _used = 0;
        if (dataset is not null && _buffer.Length < WriteSize)
        {
            // Only a side that sends data sets needs the gathering room; one that only answers keeps one PDU.
            _buffer = new byte[WriteSize];
        }

        var encoded = command.Encode();
        for (var offset = 0; offset < encoded.Length; offset += _maxData)
        {
            var count = Math.Min(_maxData, encoded.Length - offset);
            var at = await ReserveAsync(count, cancellationToken).ConfigureAwait(false);
            encoded.AsSpan(offset, count).CopyTo(_buffer.AsSpan(at + Overhead));
            Frame(at, contextId, Pdv.Control(command: true, last: offset + count == encoded.Length), count);
        }

        if (dataset is not null)
        {
            var remaining = datasetLength;
            do
            {
                var count = (int)Math.Min(_maxData, remaining);
                var at = await ReserveAsync(count, cancellationToken).ConfigureAwait(false);

                // A synchronous read: the data set is a local file (or memory), and on Linux an "asynchronous" file
                // read is the same read run on another pool thread, a hop that cost more than the read itself.
                dataset.ReadExactly(_buffer.AsSpan(at + Overhead, count));
                remaining -= count;
                Frame(at, contextId, Pdv.Control(command: false, last: remaining == 0), count);
            }
            while (remaining > 0);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes room for a PDU carrying <paramref name="count"/> data bytes (writing what is gathered if it does not fit) and returns where it starts.</summary>
    private async ValueTask<int> ReserveAsync(int count, CancellationToken cancellationToken)
    {
        if (_used + count + Overhead > _buffer.Length)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var at = _used;
        _used += count + Overhead;
        return at;
    }

    private void Frame(int at, byte contextId, byte control, int count)
    {
        var span = _buffer.AsSpan(at);
        span[0] = (byte)PduType.DataTransfer;
        span[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)(count + 6));
        BinaryPrimitives.WriteUInt32BigEndian(span[6..], (uint)(count + 2));
        span[10] = contextId;
        span[11] = control;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_used > 0)
        {
            var count = _used;
            _used = 0;
            await _association.SendAsync(_buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
    }
}
