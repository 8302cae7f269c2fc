using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Associations;

/// <summary>The acceptor's answer to an A-ASSOCIATE-RQ (PS3.8 7.1.1, PS3.7 annex D): reject, or accept with one result per proposed context.</summary>
internal static class AssociationNegotiator
{
    public static NegotiationOutcome Answer(AssociateRequest request, DicomServerOptions options)
    {
        if ((request.ProtocolVersion & 1) == 0)
        {
            return NegotiationOutcome.Rejected(RejectReason.SourceAcse, RejectReason.ProtocolVersionNotSupported);
        }

        if (request.ApplicationContext != AssociateRequest.DicomApplicationContext)
        {
            return NegotiationOutcome.Rejected(RejectReason.SourceServiceUser, RejectReason.ApplicationContextNotSupported);
        }

        if (request.CalledAeTitle.Length == 0 || request.CalledAeTitle != options.AeTitle.Trim())
        {
            return NegotiationOutcome.Rejected(RejectReason.SourceServiceUser, RejectReason.CalledAeNotRecognized);
        }

        if (request.CallingAeTitle.Length == 0
            || (options.AllowedCallingAeTitles.Count > 0 && !options.AllowedCallingAeTitles.Any(a => a.Trim() == request.CallingAeTitle)))
        {
            return NegotiationOutcome.Rejected(RejectReason.SourceServiceUser, RejectReason.CallingAeNotRecognized);
        }

        var results = request.PresentationContexts.Select(c => Answer(c, options)).ToArray();
        var roles = request.UserInformation.RoleSelections

            // This side only ever performs as SCP of what it accepts, so it keeps the requestor's SCU role and declines its SCP role.
            .Select(r => new RoleSelection(r.SopClassUid, r.ScuRole, false))
            .ToArray();
        return NegotiationOutcome.Accepted(new AssociateAccept(
            1,
            request.CalledAeTitle,
            request.CallingAeTitle,
            AssociateRequest.DicomApplicationContext,
            results,
            UserInformation.Uplink(options.MaxPduLength, roles, request.UserInformation.AsyncWindowProposed)));
    }

    private static PresentationContextResult Answer(PresentationContext context, DicomServerOptions options)
    {
        var first = context.TransferSyntaxes[0];
        if (context.AbstractSyntax != DimseCommands.VerificationSopClass && !options.AbstractSyntaxes.Contains(context.AbstractSyntax))
        {
            return new PresentationContextResult(context.Id, PresentationContextResult.AbstractSyntaxNotSupported, first);
        }

        var chosen = context.TransferSyntaxes.FirstOrDefault(options.TransferSyntaxes.Contains);
        return chosen is null
            ? new PresentationContextResult(context.Id, PresentationContextResult.TransferSyntaxesNotSupported, first)
            : new PresentationContextResult(context.Id, PresentationContextResult.Acceptance, chosen);
    }
}
