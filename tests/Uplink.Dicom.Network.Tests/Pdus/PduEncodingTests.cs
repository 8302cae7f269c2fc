using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Tests.Pdus;

/// <summary>Every PDU type against bytes laid out by hand from PS3.8 section 9.3, both ways.</summary>
public sealed class PduEncodingTests
{
    /// <summary>Called UPLINK, calling SENDER, context 1 Verification/Implicit, max 16384, class 1.2.3, version V1.</summary>
    internal const string AssociateRequestHex =
        "0100000000AA" + "0001" + "0000" + "55504C494E4B20202020202020202020" + "53454E44455220202020202020202020" + "0000000000000000000000000000000000000000000000000000000000000000"
        + "10000015312E322E3834302E31303030382E332E312E312E31"
        + "2000002E01000000" + "30000011312E322E3834302E31303030382E312E31" + "40000011312E322E3834302E31303030382E312E32"
        + "50000017" + "5100000400004000" + "52000005312E322E33" + "550000025631";

    private const string AssociateAcceptHex =
        "0200000000C7" + "0001" + "0000" + "55504C494E4B20202020202020202020" + "53454E44455220202020202020202020" + "0000000000000000000000000000000000000000000000000000000000000000"
        + "10000015312E322E3834302E31303030382E332E312E312E31"
        + "2100001901000000" + "40000011312E322E3834302E31303030382E312E32"
        + "2100001903000300" + "40000011312E322E3834302E31303030382E312E32"
        + "5000002C" + "5100000400000000" + "52000005312E322E33" + "530000040001" + "0001" + "540000090005312E322E340100" + "550000025631";

    private static readonly AssociateRequest Request = new(
        1, "UPLINK", "SENDER", AssociateRequest.DicomApplicationContext,
        [new PresentationContext(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
        new UserInformation(16384, "1.2.3", "V1", [], false));

    [Fact]
    public void A_associate_request_encodes_to_the_standard_layout()
        => Assert.Equal(AssociateRequestHex, Convert.ToHexString(PduEncoder.Encode(Request)));

    [Fact]
    public void A_associate_request_decodes_back_to_its_fields()
    {
        var decoded = PduDecoder.DecodeAssociateRequest(Body(AssociateRequestHex));

        Assert.Equal(("UPLINK", "SENDER", (ushort)1), (decoded.CalledAeTitle, decoded.CallingAeTitle, decoded.ProtocolVersion));
        var context = Assert.Single(decoded.PresentationContexts);
        Assert.Equal((1, "1.2.840.10008.1.1", "1.2.840.10008.1.2"), (context.Id, context.AbstractSyntax, Assert.Single(context.TransferSyntaxes)));
        Assert.Equal((16384u, "1.2.3", "V1"), (decoded.UserInformation.MaxPduLength, decoded.UserInformation.ImplementationClassUid, decoded.UserInformation.ImplementationVersionName));
    }

    [Fact]
    public void An_associate_accept_with_an_async_window_and_a_role_selection_round_trips()
    {
        var accept = new AssociateAccept(
            1, "UPLINK", "SENDER", AssociateRequest.DicomApplicationContext,
            [new PresentationContextResult(1, 0, "1.2.840.10008.1.2"), new PresentationContextResult(3, 3, "1.2.840.10008.1.2")],
            new UserInformation(0, "1.2.3", "V1", [new RoleSelection("1.2.4", true, false)], true));

        Assert.Equal(AssociateAcceptHex, Convert.ToHexString(PduEncoder.Encode(accept)));
        var decoded = PduDecoder.DecodeAssociateAccept(Body(AssociateAcceptHex));
        Assert.Equal([true, false], decoded.PresentationContexts.Select(r => r.IsAccepted));
        Assert.Equal(new RoleSelection("1.2.4", true, false), Assert.Single(decoded.UserInformation.RoleSelections));
        Assert.True(decoded.UserInformation.AsyncWindowProposed);
        Assert.Equal(0u, decoded.UserInformation.MaxPduLength);
    }

    [Fact]
    public void An_associate_reject_carries_result_source_and_reason()
    {
        var bytes = PduEncoder.Encode(AssociateReject.PermanentlyBy(RejectReason.SourceServiceUser, RejectReason.CalledAeNotRecognized));

        Assert.Equal("03000000000400010107", Convert.ToHexString(bytes));
        Assert.Equal(new AssociateReject(1, 1, 7), PduDecoder.DecodeAssociateReject(Body("03000000000400010107")));
    }

    [Fact]
    public void Release_request_and_response_are_four_reserved_bytes()
    {
        Assert.Equal("05000000000400000000", Convert.ToHexString(PduEncoder.EncodeRelease(PduType.ReleaseRequest)));
        Assert.Equal("06000000000400000000", Convert.ToHexString(PduEncoder.EncodeRelease(PduType.ReleaseResponse)));
        PduDecoder.DecodeRelease(Body("06000000000400000000"), PduType.ReleaseResponse);
    }

    [Fact]
    public void An_abort_carries_source_and_reason()
    {
        Assert.Equal("07000000000400000206", Convert.ToHexString(PduEncoder.Encode(AbortPdu.ByProvider(AbortReason.InvalidPduParameterValue))));
        Assert.Equal(AbortPdu.ByUser(), PduDecoder.DecodeAbort(Body("07000000000400000000")));
    }

    [Fact]
    public void A_data_transfer_splits_into_its_pdv_items_with_their_control_headers()
    {
        // Two PDVs: command last fragment on context 1 (2 bytes), data set not-last on context 1 (1 byte).
        var pdvs = PduDecoder.DecodeDataTransfer(Body("0400000000" + "0F" + "00000004" + "0103" + "AABB" + "00000003" + "0100" + "CC"));

        Assert.Equal(2, pdvs.Count);
        Assert.True(pdvs[0].IsCommand && pdvs[0].IsLastFragment);
        Assert.Equal([0xAA, 0xBB], pdvs[0].Data.ToArray());
        Assert.False(pdvs[1].IsCommand || pdvs[1].IsLastFragment);
        Assert.Equal([0xCC], pdvs[1].Data.ToArray());
    }

    internal static ReadOnlyMemory<byte> Body(string hex) => Convert.FromHexString(hex).AsMemory(6);
}
