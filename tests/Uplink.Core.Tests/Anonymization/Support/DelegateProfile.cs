using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Anonymization.Support;

/// <summary>A profile whose behaviour a test chooses: how a vendor's profile, right or wrong, meets the host.</summary>
internal sealed class DelegateProfile(ProfileDescriptor descriptor, Func<AnonymizationRequest, AnonymizationOutcome> anonymize) : IAnonymizationProfile
{
    public ProfileDescriptor Descriptor { get; } = descriptor;

    public AnonymizationOutcome Anonymize(AnonymizationRequest request) => anonymize(request);

    /// <summary>Rules that keep everything, claim nothing, and add one rule.</summary>
    public static ProfileRules KeepAll(bool removesIdentity, params TagRule[] rules) =>
        new(removesIdentity, TagAction.Keep, TagAction.Keep, rules, [new SopClassRules("any", ["*"], [])]);

    public static ProfileDescriptor Describe(ProfileRules? rules) =>
        new("Test", "1", "a profile written by a test", NonDicomHandling.Discard) { Rules = rules };

    /// <summary>An outcome that anonymizes with the given change applied to a copy of the source.</summary>
    public static AnonymizationOutcome Copy(AnonymizationRequest request, Action<Uplink.Dicom.DicomDataset> change)
    {
        var dataset = request.Source.Dataset.Clone();
        change(dataset);
        return AnonymizationOutcome.Anonymized(
            new Uplink.Dicom.DicomFile(dataset, Uplink.Dicom.DicomTransferSyntax.ExplicitVRLittleEndian),
            new AnonymizationAudit([], [], [], []));
    }
}
