namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>Where one image of a share stands.</summary>
public enum ImageState
{
    /// <summary>Recorded, not fetched yet.</summary>
    Queued,

    /// <summary>Fetched from the image source.</summary>
    Fetched,

    /// <summary>Anonymized and verified; waiting for the output.</summary>
    Anonymized,

    /// <summary>Delivered to the output.</summary>
    Sent,

    /// <summary>Kept aside and never sent (cannot be parsed, anonymized or verified, or refused by the output); the reason says why.</summary>
    SetAside,

    /// <summary>Discarded by the profile (for example non-DICOM content under a strict profile).</summary>
    Discarded,

    /// <summary>Failed for good; the reason says why.</summary>
    Failed,
}
