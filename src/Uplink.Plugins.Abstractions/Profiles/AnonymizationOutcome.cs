using Uplink.Dicom;

namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>The result of <see cref="IAnonymizationProfile.Anonymize"/>.</summary>
/// <param name="Disposition">Anonymized, set aside or discarded.</param>
/// <param name="Output">The anonymized instance when anonymized.</param>
/// <param name="Audit">What was done, by tag, when anonymized.</param>
/// <param name="Reason">Why the instance was set aside or discarded; never carries patient data.</param>
public sealed record AnonymizationOutcome(
    AnonymizationDisposition Disposition,
    DicomFile? Output,
    AnonymizationAudit? Audit,
    string? Reason)
{
    /// <summary>An anonymized instance.</summary>
    /// <param name="output">The new instance.</param>
    /// <param name="audit">What was done.</param>
    /// <returns>The outcome.</returns>
    public static AnonymizationOutcome Anonymized(DicomFile output, AnonymizationAudit audit) =>
        new(AnonymizationDisposition.Anonymized, output, audit, null);

    /// <summary>An instance kept aside.</summary>
    /// <param name="reason">Why, without patient data.</param>
    /// <returns>The outcome.</returns>
    public static AnonymizationOutcome SetAside(string reason) =>
        new(AnonymizationDisposition.SetAside, null, null, reason);

    /// <summary>An instance discarded by the profile's rules.</summary>
    /// <param name="reason">Why, without patient data.</param>
    /// <returns>The outcome.</returns>
    public static AnonymizationOutcome Discarded(string reason) =>
        new(AnonymizationDisposition.Discarded, null, null, reason);
}
