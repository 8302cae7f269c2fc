using System.Buffers.Binary;

namespace Uplink.Dicom.Network.Pdus;

/// <summary>
/// Reads whole PDUs from a stream. The length in the header is checked against a limit before anything is
/// allocated: P-DATA-TF may not exceed the maximum length this side announced, association PDUs are capped.
/// </summary>
internal sealed class PduReader(Stream stream, uint maxDataPduLength)
{
    /// <summary>Association PDUs carry a few hundred presentation contexts at most; 1 MiB is far beyond that.</summary>
    public const int MaxControlPduLength = 1 << 20;

    /// <summary>When this side announced "unlimited" (0), P-DATA-TF PDUs are still capped here.</summary>
    public const int UnlimitedDataPduCap = 16 << 20;

    private readonly byte[] _header = new byte[6];

    // One body buffer, grown to the largest PDU seen: a PDU is fully handled before the next is read.
    private byte[] _body = new byte[4096];

    /// <summary>Reads the next PDU, or returns null when the peer closed the connection between PDUs. The body is valid until the next call.</summary>
    /// <exception cref="PduFormatException">Unknown type or a length beyond the limit.</exception>
    /// <exception cref="EndOfStreamException">The connection closed inside a PDU.</exception>
    public async Task<RawPdu?> ReadAsync(CancellationToken cancellationToken)
    {
        var first = await stream.ReadAtLeastAsync(_header, _header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (first == 0)
        {
            return null;
        }

        if (first < _header.Length)
        {
            throw new EndOfStreamException($"The connection closed after {first} bytes of a PDU header.");
        }

        var type = _header[0];
        if (type is < (byte)PduType.AssociateRequest or > (byte)PduType.Abort)
        {
            throw new PduFormatException(AbortReason.UnrecognizedPdu, $"Unknown PDU type 0x{type:X2}.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(2));
        var limit = LimitFor((PduType)type);
        if (length > limit)
        {
            throw new PduFormatException(AbortReason.InvalidPduParameterValue, $"{(PduType)type} PDU announces {length} bytes; the limit here is {limit}.");
        }

        if (_body.Length < length)
        {
            _body = new byte[length];
        }

        var body = _body.AsMemory(0, (int)length);
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return new RawPdu((PduType)type, body);
    }

    private uint LimitFor(PduType type) => type switch
    {
        PduType.DataTransfer => maxDataPduLength == 0 ? UnlimitedDataPduCap : maxDataPduLength,
        _ => MaxControlPduLength,
    };
}
