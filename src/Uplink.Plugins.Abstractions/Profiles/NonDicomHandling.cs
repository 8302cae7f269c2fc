namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>What a profile does with non-DICOM content in an exam.</summary>
public enum NonDicomHandling
{
    /// <summary>Discarded, never sent (strict anonymization).</summary>
    Discard,

    /// <summary>Kept and sent, marked to be password protected.</summary>
    KeepPasswordProtected,
}
