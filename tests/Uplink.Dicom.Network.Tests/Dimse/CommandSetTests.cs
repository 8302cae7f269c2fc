using Uplink.Dicom.Network.Dimse;

namespace Uplink.Dicom.Network.Tests.Dimse;

/// <summary>Command sets in Implicit VR Little Endian (PS3.7 6.3.1).</summary>
public sealed class CommandSetTests
{
    [Fact]
    public void A_C_ECHO_request_encodes_group_length_first_and_elements_in_tag_order()
    {
        var bytes = DimseCommands.EchoRequest(7).Encode();

        Assert.Equal(
            "0000000004000000" + "38000000"
            + "0000020012000000" + "312E322E3834302E31303030382E312E3100"
            + "0000000102000000" + "3000"
            + "0000100102000000" + "0700"
            + "0000000802000000" + "0101",
            Convert.ToHexString(bytes));
    }

    [Fact]
    public void A_C_STORE_response_decodes_back_to_its_fields()
    {
        var decoded = CommandSet.Decode(DimseCommands.StoreResponse(3, "1.2.3", "4.5.6", 0xA700).Encode());

        Assert.Equal(CommandField.CStoreResponse, decoded.CommandField);
        Assert.Equal((ushort)3, decoded.GetUInt16(CommandTags.MessageIdBeingRespondedTo));
        Assert.Equal((ushort)0xA700, decoded.GetUInt16(CommandTags.Status));
        Assert.Equal("4.5.6", decoded.GetString(CommandTags.AffectedSopInstanceUid));
        Assert.False(decoded.HasDataSet);
    }

    [Theory]
    [InlineData("0000000004000000")]
    [InlineData("00000000040000003800")]
    [InlineData("0800000004000000" + "38000000")]
    [InlineData("00000001FFFFFFFF")]
    public void Truncated_or_foreign_or_overlong_elements_are_rejected_with_their_offset(string hex)
    {
        var error = Assert.Throws<DimseFormatException>(() => CommandSet.Decode(Convert.FromHexString(hex)));

        Assert.Contains("byte", error.Message, StringComparison.Ordinal);
    }
}
