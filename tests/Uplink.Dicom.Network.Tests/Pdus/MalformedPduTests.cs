using System.Buffers.Binary;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Tests.Pdus;

/// <summary>Malformed PDUs decode to a <see cref="PduFormatException"/> with the A-ABORT reason PS3.8 table 9-26 gives, never a crash.</summary>
public sealed class MalformedPduTests
{
    [Fact]
    public void An_item_length_past_the_end_of_the_pdu_is_an_invalid_parameter_value_naming_the_offset()
    {
        var bytes = Convert.FromHexString(PduEncodingTests.AssociateRequestHex);

        // The presentation context item's length (at byte 101) claims 0x0400 bytes.
        var at = Convert.FromHexString(PduEncodingTests.AssociateRequestHex).AsSpan().IndexOf(Convert.FromHexString("2000002E"));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 2), 0x0400);

        var error = Assert.Throws<PduFormatException>(() => PduDecoder.DecodeAssociateRequest(bytes.AsMemory(6)));

        Assert.Equal(AbortReason.InvalidPduParameterValue, error.Reason);
        Assert.Contains($"byte {at}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_item_type_is_an_unrecognized_parameter()
    {
        var bytes = Convert.FromHexString(PduEncodingTests.AssociateRequestHex);
        var at = bytes.AsSpan().IndexOf(Convert.FromHexString("2000002E"));
        bytes[at] = 0x99;

        var error = Assert.Throws<PduFormatException>(() => PduDecoder.DecodeAssociateRequest(bytes.AsMemory(6)));

        Assert.Equal(AbortReason.UnrecognizedPduParameter, error.Reason);
        Assert.Contains("0x99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_even_presentation_context_id_is_an_invalid_parameter_value()
    {
        var bytes = Convert.FromHexString(PduEncodingTests.AssociateRequestHex);
        var at = bytes.AsSpan().IndexOf(Convert.FromHexString("2000002E"));
        bytes[at + 4] = 2;

        var error = Assert.Throws<PduFormatException>(() => PduDecoder.DecodeAssociateRequest(bytes.AsMemory(6)));

        Assert.Equal(AbortReason.InvalidPduParameterValue, error.Reason);
        Assert.Contains("even", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_without_user_information_is_an_invalid_parameter_value()
    {
        var hex = PduEncodingTests.AssociateRequestHex;
        var withoutUser = Convert.FromHexString(hex[..hex.IndexOf("50000017", StringComparison.Ordinal)]);

        var error = Assert.Throws<PduFormatException>(() => PduDecoder.DecodeAssociateRequest(withoutUser.AsMemory(6)));

        Assert.Equal(AbortReason.InvalidPduParameterValue, error.Reason);
    }

    [Fact]
    public void A_request_cut_inside_its_fixed_fields_is_an_invalid_parameter_value()
    {
        var error = Assert.Throws<PduFormatException>(() => PduDecoder.DecodeAssociateRequest(new byte[20]));

        Assert.Equal(AbortReason.InvalidPduParameterValue, error.Reason);
    }

    [Theory]
    [InlineData("00000001" + "01")]
    [InlineData("00000009" + "0103AA")]
    [InlineData("00000003" + "01FF00")]
    [InlineData("")]
    public void A_pdv_item_that_is_too_short_too_long_or_has_undefined_control_bits_is_invalid(string pdvs)
    {
        var error = Assert.Throws<PduFormatException>(() => PduDecoder.DecodeDataTransfer(Convert.FromHexString(pdvs)));

        Assert.Equal(AbortReason.InvalidPduParameterValue, error.Reason);
    }

    [Fact]
    public void A_release_with_a_wrong_length_is_invalid()
        => Assert.Equal(
            AbortReason.InvalidPduParameterValue,
            Assert.Throws<PduFormatException>(() => PduDecoder.DecodeRelease(new byte[5], PduType.ReleaseRequest)).Reason);

    [Fact]
    public async Task An_unknown_pdu_type_is_an_unrecognized_pdu()
    {
        var reader = new PduReader(new MemoryStream(Convert.FromHexString("090000000000")), 16384);

        var error = await Assert.ThrowsAsync<PduFormatException>(() => reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(AbortReason.UnrecognizedPdu, error.Reason);
    }

    [Fact]
    public async Task A_data_pdu_longer_than_the_announced_maximum_is_refused_before_reading_it()
    {
        var reader = new PduReader(new MemoryStream(Convert.FromHexString("040000001001")), 4096);

        var error = await Assert.ThrowsAsync<PduFormatException>(() => reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(AbortReason.InvalidPduParameterValue, error.Reason);
        Assert.Contains("4097", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_control_pdu_claiming_four_gigabytes_is_refused_without_allocating_it()
    {
        var reader = new PduReader(new MemoryStream(Convert.FromHexString("01_00_FFFFFFFF".Replace("_", string.Empty, StringComparison.Ordinal))), 0);

        var error = await Assert.ThrowsAsync<PduFormatException>(() => reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(AbortReason.InvalidPduParameterValue, error.Reason);
    }

    [Fact]
    public async Task A_connection_closed_inside_a_pdu_is_end_of_stream_and_between_pdus_is_null()
    {
        var cut = new PduReader(new MemoryStream(Convert.FromHexString("0700000000040000")), 4096);
        var clean = new PduReader(new MemoryStream(), 4096);

        await Assert.ThrowsAsync<EndOfStreamException>(() => cut.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Null(await clean.ReadAsync(TestContext.Current.CancellationToken));
    }
}
