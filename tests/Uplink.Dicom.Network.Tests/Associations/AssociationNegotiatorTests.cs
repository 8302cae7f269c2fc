using Uplink.Dicom.Network.Associations;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Tests.Associations;

/// <summary>The acceptor's decisions (PS3.8 7.1.1, PS3.7 annex D) on a request.</summary>
public sealed class AssociationNegotiatorTests
{
    private const string Us = "1.2.840.10008.5.1.4.1.1.6.1";
    private const string Implicit = "1.2.840.10008.1.2";
    private const string Explicit = "1.2.840.10008.1.2.1";

    private static readonly DicomServerOptions Options = new()
    {
        AeTitle = "UPLINK",
        AbstractSyntaxes = [Us],
        TransferSyntaxes = [Implicit, Explicit],
    };

    [Fact]
    public void A_protocol_version_without_bit_0_is_rejected_by_ACSE()
        => Assert.Equal(new AssociateReject(1, 2, 2), AssociationNegotiator.Answer(Request() with { ProtocolVersion = 2 }, Options).Reject);

    [Fact]
    public void Another_application_context_is_rejected_by_the_user_with_reason_2()
        => Assert.Equal(new AssociateReject(1, 1, 2), AssociationNegotiator.Answer(Request() with { ApplicationContext = "1.2.3" }, Options).Reject);

    [Fact]
    public void Each_context_gets_its_own_result_and_the_proposers_first_supported_syntax()
    {
        var request = Request(
            new PresentationContext(1, Us, ["1.2.840.10008.1.2.4.50", Explicit, Implicit]),
            new PresentationContext(3, "1.2.840.10008.5.1.4.1.1.2", [Implicit]),
            new PresentationContext(5, Us, ["1.2.840.10008.1.2.4.50"]),
            new PresentationContext(7, "1.2.840.10008.1.1", [Implicit]));

        var results = AssociationNegotiator.Answer(request, Options).Accept!.PresentationContexts;

        Assert.Equal(
            [(1, 0, Explicit), (3, 3, Implicit), (5, 4, "1.2.840.10008.1.2.4.50"), (7, 0, Implicit)],
            results.Select(r => ((int)r.Id, (int)r.Result, r.TransferSyntax)));
    }

    [Fact]
    public void An_asynchronous_window_is_answered_with_one_and_one_and_a_requested_SCP_role_is_declined()
    {
        var request = Request() with
        {
            UserInformation = new UserInformation(0, "1.2.3", null, [new RoleSelection(Us, true, true)], true),
        };

        var user = AssociationNegotiator.Answer(request, Options).Accept!.UserInformation;

        Assert.True(user.AsyncWindowProposed);
        Assert.Equal(new RoleSelection(Us, true, false), Assert.Single(user.RoleSelections));
        Assert.Equal(UserInformation.UplinkImplementationClassUid, user.ImplementationClassUid);
        Assert.Equal(Options.MaxPduLength, user.MaxPduLength);
    }

    [Fact]
    public void An_empty_allow_list_accepts_any_calling_AE_title()
        => Assert.NotNull(AssociationNegotiator.Answer(Request() with { CallingAeTitle = "ANYONE" }, Options).Accept);

    private static AssociateRequest Request(params PresentationContext[] contexts) => new(
        1, "UPLINK", "SENDER", AssociateRequest.DicomApplicationContext,
        contexts.Length == 0 ? [new PresentationContext(1, Us, [Implicit])] : contexts,
        UserInformation.Uplink(16384));
}
