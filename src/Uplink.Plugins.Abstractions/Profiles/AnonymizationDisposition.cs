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
}
