namespace Uplink.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-AC (PS3.8 9.3.3). The AE title fields echo the request and are not tested on receipt.</summary>
internal sealed record AssociateAccept(
    ushort ProtocolVersion,
    string CalledAeTitle,
    string CallingAeTitle,
    string ApplicationContext,
    IReadOnlyList<PresentationContextResult> PresentationContexts,
    UserInformation UserInformation);
