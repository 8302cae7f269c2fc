using CsCheck;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Tests.Pdus;

/// <summary>Random and mutated PDUs: the parser either decodes or throws <see cref="PduFormatException"/> (or end of stream), nothing else.</summary>
public sealed class PduParserFuzzTests
{
    private static readonly byte[] Valid = Convert.FromHexString(PduEncodingTests.AssociateRequestHex);

    /// <summary>A valid A-ASSOCIATE-RQ with a few bytes overwritten, or cut short: the inputs most likely to reach deep code.</summary>
    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, Valid.Length - 1].Array[1, 6], Gen.Byte.Array[6], Gen.Int[7, Valid.Length], (positions, values, length) =>
        {
            var bytes = Valid[..length];
            for (var i = 0; i < positions.Length; i++)
            {
                if (positions[i] < bytes.Length)
                {
                    bytes[positions[i]] = values[i];
                }
            }

            return bytes;
        });

    [Fact]
    public void Mutated_association_requests_decode_or_fail_with_a_pdu_format_error()
        => Mutated.Sample(bytes => Decode(bytes, b => PduDecoder.DecodeAssociateRequest(b.AsMemory(6))), iter: 20_000);

    [Fact]
    public void Random_bodies_of_every_pdu_type_decode_or_fail_with_a_pdu_format_error()
        => Gen.Byte.Array[0, 400].Sample(
            bytes =>
            {
                Decode(bytes, b => PduDecoder.DecodeAssociateRequest(b.AsMemory(6)));
                Decode(bytes, b => PduDecoder.DecodeAssociateAccept(b.AsMemory(6)));
                Decode(bytes, b => PduDecoder.DecodeAssociateReject(b.AsMemory(6)));
                Decode(bytes, b => PduDecoder.DecodeAbort(b.AsMemory(6)));
                Decode(bytes, b => PduDecoder.DecodeDataTransfer(b.AsMemory(6)));
            },
            iter: 20_000);

    [Fact]
    public void Random_streams_read_as_pdus_or_fail_with_a_pdu_format_error_or_end_of_stream()
        => Gen.Byte.Array[0, 64].Sample(
            bytes =>
            {
                var reader = new PduReader(new MemoryStream(bytes), 4096);
                try
                {
                    reader.ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is PduFormatException or EndOfStreamException)
                {
                }
            },
            iter: 20_000);

    private static void Decode<T>(byte[] bytes, Func<byte[], T> decode)
    {
        if (bytes.Length < 6)
        {
            return;
        }

        try
        {
            decode(bytes);
        }
        catch (PduFormatException)
        {
        }
    }
}
