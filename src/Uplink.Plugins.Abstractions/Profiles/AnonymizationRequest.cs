using Uplink.Dicom;

namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>One instance to anonymize.</summary>
/// <param name="Source">The parsed source instance. The profile must not modify it.</param>
/// <param name="Uids">The host's keyed UID remapper: the same original UID always maps to the same new one for this site.</param>
public sealed record AnonymizationRequest(DicomFile Source, IUidRemapper Uids)
{
    /// <summary>
    /// The host's pixel cleaner (added in contracts 1.2); null on a host that cannot clean pixels, where a profile
    /// that must clean holds the instance back.
    /// </summary>
    public IPixelCleaner? Pixels { get; init; }
}
