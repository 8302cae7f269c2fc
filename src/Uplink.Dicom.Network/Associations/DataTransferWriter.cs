using System.Buffers.Binary;
using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Associations;

/// <summary>
/// Sends one DIMSE message as P-DATA-TF PDUs, each holding one PDV and never longer than the peer's maximum
/// (PS3.8 annex D): the command's fragments first, then the data set's, streamed from its source.
/// </summary>
internal sealed class DataTransferWriter
{
    /// <summary>When the peer announced "unlimited", PDUs are cut at this size anyway.</summary>
    public const int UnlimitedChunk = 1 << 20;

    /// <summary>PDU header (6) plus PDV header (4 length, 1 context id, 1 control).</summary>
    private const int Overhead = 12;

    private readonly Association _association;
    private readonly byte[] _buffer;
    private readonly int _maxData;

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
        var encoded = command.Encode();
        for (var offset = 0; offset < encoded.Length; offset += _maxData)
        {
            var count = Math.Min(_maxData, encoded.Length - offset);
            encoded.AsSpan(offset, count).CopyTo(_buffer.AsSpan(Overhead));
            await SendPduAsync(contextId, Pdv.Control(command: true, last: offset + count == encoded.Length), count, cancellationToken).ConfigureAwait(false);
        }

        if (dataset is null)
        {
            return;
        }

        var remaining = datasetLength;
        do
        {
            var count = (int)Math.Min(_maxData, remaining);
            await dataset.ReadExactlyAsync(_buffer.AsMemory(Overhead, count), cancellationToken).ConfigureAwait(false);
            remaining -= count;
            await SendPduAsync(contextId, Pdv.Control(command: false, last: remaining == 0), count, cancellationToken).ConfigureAwait(false);
        }
        while (remaining > 0);
    }

    private Task SendPduAsync(byte contextId, byte control, int count, CancellationToken cancellationToken)
    {
        var span = _buffer.AsSpan();
        span[0] = (byte)PduType.DataTransfer;
        span[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)(count + 6));
        BinaryPrimitives.WriteUInt32BigEndian(span[6..], (uint)(count + 2));
        span[10] = contextId;
        span[11] = control;
        return _association.SendAsync(_buffer.AsMemory(0, count + Overhead), cancellationToken);
    }
}
