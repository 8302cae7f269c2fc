using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>A profile that applies the rules its file declares; the host verifies its output against the same rules.</summary>
internal sealed class DeclarativeProfile : IAnonymizationProfile
{
    private readonly ProfileDefinition _definition;
    private readonly Dictionary<SopClassRules, RuleIndex> _indexes;

    public DeclarativeProfile(ProfileDefinition definition)
    {
        _definition = definition;
        _indexes = definition.Rules.SopClasses.ToDictionary(s => s, s => new RuleIndex(definition.Rules, s));
    }

    /// <inheritdoc />
    public ProfileDescriptor Descriptor => _definition.Descriptor;

    /// <inheritdoc />
    public AnonymizationOutcome Anonymize(AnonymizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = request.Source;
        var sopClassUid = source.Dataset.GetString(DicomTags.SOPClassUID) ?? source.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID);
        var sopClass = _definition.Rules.ForSopClass(sopClassUid);
        if (sopClass is null)
        {
            return AnonymizationOutcome.SetAside($"{Descriptor.Id} does not accept SOP class {sopClassUid ?? "(none)"}: only its listed classes are anonymized.");
        }

        if (sopClass.DiscardReason is { } discard)
        {
            return AnonymizationOutcome.Discarded($"{sopClass.Name} ({sopClassUid}): {discard}.");
        }

        var burnedIn = source.Dataset.GetString(DicomTags.BurnedInAnnotation)?.Trim();
        if (sopClass.HoldsBackBurnedInAnnotation && burnedIn != "NO")
        {
            return AnonymizationOutcome.SetAside(
                $"{Descriptor.Id} holds back {sopClass.Name} images whose Burned In Annotation is {burnedIn ?? "absent"}: Uplink does not clean pixels yet.");
        }

        PixelCleaning? pixels = null;
        if (sopClass.CleansPixels && source.Dataset.Contains(DicomTags.PixelData))
        {
            pixels = request.Pixels?.Clean(source)
                ?? PixelCleaning.Refused("this host offers no pixel cleaner");
            if (pixels.Reason is { } refusal)
            {
                return AnonymizationOutcome.SetAside($"{Descriptor.Id} cleans the burned-in text of {sopClass.Name} images and holds back what it cannot clean: {refusal.TrimEnd('.')}.");
            }
        }

        try
        {
            var index = _indexes[sopClass];
            var dataset = source.Dataset.Clone();
            var audit = new AuditCollector();
            new DatasetRewriter(index, request.Uids, audit).Rewrite(dataset);
            if (pixels?.PixelData is { } cleaned)
            {
                dataset.AddOrUpdate(cleaned);
                dataset.Remove(DicomTags.ExtendedOffsetTable); // the cleaned frames have new lengths; the basic table is rebuilt
                dataset.Remove(DicomTags.ExtendedOffsetTableLengths);
                ElementText.Write(dataset, DicomTags.BurnedInAnnotation, DicomVR.CS, "NO");
                audit.PixelsCleaned = true;
            }

            RequiredAttributes.Add(dataset, index, audit);
            var methods = audit.Methods(_definition);
            DeidentificationStamps.Apply(dataset, index, _definition.Rules, Descriptor, methods);
            var transferSyntax = source.TransferSyntax.IsEncapsulated ? source.TransferSyntax : DicomTransferSyntax.ExplicitVRLittleEndian;
            return AnonymizationOutcome.Anonymized(new DicomFile(dataset, transferSyntax), audit.ToAudit(methods));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or DicomFormatException or IOException)
        {
            // The type only: a message here may quote the value that did not parse, and the reason reaches the status API and the audit.
            return AnonymizationOutcome.SetAside($"{Descriptor.Id} could not anonymize the instance: {e.GetType().Name}.");
        }
    }
}
