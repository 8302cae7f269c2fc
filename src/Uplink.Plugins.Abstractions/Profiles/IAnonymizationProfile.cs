namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>
/// Anonymizes one DICOM instance. The host re-reads every output with its own verifier before
/// anything is sent, so a profile cannot let identity through by mistake: a failure sets the
/// instance aside.
/// </summary>
public interface IAnonymizationProfile
{
    /// <summary>Who the profile is and what it does with what it cannot anonymize.</summary>
    ProfileDescriptor Descriptor { get; }

    /// <summary>Anonymizes one instance. Must not throw for bad input: return a set-aside outcome instead.</summary>
    /// <param name="request">The source instance and the host's services for it.</param>
    /// <returns>The anonymized instance with its audit, or why it is set aside or discarded.</returns>
    AnonymizationOutcome Anonymize(AnonymizationRequest request);
}
