namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>What became of an instance.</summary>
public enum AnonymizationDisposition
{
    /// <summary>Anonymized; the output may be verified and sent.</summary>
    Anonymized,

    /// <summary>Kept aside, never sent; the reason says why.</summary>
    SetAside,

    /// <summary>Discarded by the profile's rules (for example a wrapped document under a strict profile).</summary>
    Discarded,

    /// <summary>
    /// Not DICOM, so there is nothing to anonymize: kept byte for byte because the profile's
    /// <see cref="NonDicomHandling"/> is <see cref="NonDicomHandling.KeepPasswordProtected"/>, and delivered only
    /// to outputs that password protect it. The host decides this before a profile runs.
    /// </summary>
    /// <remarks>Host-only: no profile returns it. It is to be removed from the contract in 2.0 (the host keeps its own disposition).</remarks>
    KeptNonDicom,
}
