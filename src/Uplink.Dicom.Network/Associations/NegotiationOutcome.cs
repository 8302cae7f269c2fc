using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Associations;

/// <summary>Either the A-ASSOCIATE-AC or the A-ASSOCIATE-RJ to send.</summary>
internal sealed record NegotiationOutcome(AssociateAccept? Accept, AssociateReject? Reject)
{
    public static NegotiationOutcome Accepted(AssociateAccept accept) => new(accept, null);

    public static NegotiationOutcome Rejected(byte source, byte reason) => new(null, AssociateReject.PermanentlyBy(source, reason));

    /// <summary>Too many associations are open: the peer may try again later (transient, provider, local limit exceeded).</summary>
    public static NegotiationOutcome OverCapacity { get; } = new(null, AssociateReject.TransientlyBy(RejectReason.SourcePresentation, RejectReason.LocalLimitExceeded));
}
