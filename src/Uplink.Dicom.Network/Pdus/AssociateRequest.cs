namespace Uplink.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ (PS3.8 9.3.2).</summary>
internal sealed record AssociateRequest(
    ushort ProtocolVersion,
    string CalledAeTitle,
    string CallingAeTitle,
    string ApplicationContext,
    IReadOnlyList<PresentationContext> PresentationContexts,
    UserInformation UserInformation)
{
    /// <summary>The DICOM application context name, the only one there is.</summary>
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";
}
