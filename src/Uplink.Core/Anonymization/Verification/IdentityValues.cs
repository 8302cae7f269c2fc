using System.Text;
using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// The host's own list of what identifies a patient, independent of any profile: every person name, the
/// identifiers, addresses, phone numbers and institution, every date, every instance UID (not the classes
/// and well-known UIDs of the standard), and the Kretz/Voluson contact block (group 6301). The values are
/// collected from the source at every depth, to be searched for in the output's bytes.
/// </summary>
internal static class IdentityValues
{
    /// <summary>Values shorter than this are not searched: they would match by chance.</summary>
    public const int MinimumLength = 4;

    private const ushort KretzContactGroup = 0x6301;
    private const string DicomRoot = "1.2.840.10008.";

    private static readonly HashSet<string> IdentifyingKeywords = new(StringComparer.Ordinal)
    {
        "PatientID", "OtherPatientIDs", "IssuerOfPatientID", "AccessionNumber", "StudyID", "AdmissionID",
        "MedicalRecordLocator", "RequestedProcedureID", "PerformedProcedureStepID", "ScheduledProcedureStepID",
        "PlacerOrderNumberImagingServiceRequest", "FillerOrderNumberImagingServiceRequest",
        "PatientAddress", "PatientTelephoneNumbers", "PatientTelecomInformation", "ReferringPhysicianAddress",
        "ReferringPhysicianTelephoneNumbers", "PersonAddress", "PersonTelephoneNumbers", "PersonTelecomInformation",
        "InstitutionName", "InstitutionAddress", "InstitutionalDepartmentName", "RegionOfResidence",
        "PatientInsurancePlanCodeSequence", "MilitaryRank", "BranchOfService", "ResponsibleOrganization",
    };

    private static readonly HashSet<string> ClassUidKeywords = new(StringComparer.Ordinal)
    {
        "SOPClassUID", "ReferencedSOPClassUID", "MediaStorageSOPClassUID", "TransferSyntaxUID", "ImplementationClassUID",
        "ReferencedSOPClassUIDInFile", "ReferencedTransferSyntaxUIDInFile", "CodingSchemeUID", "ContextUID",
        "MappingResourceUID", "RelatedGeneralSOPClassUID", "OriginalSpecializedSOPClassUID", "SOPClassesInStudy",
        "PrivateInformationCreatorUID", "EncryptedContentTransferSyntaxUID", "SpecimenUID",
    };

    private static readonly HashSet<DicomTag> IdentifyingTags = Resolve(IdentifyingKeywords);
    private static readonly HashSet<DicomTag> ClassUidTags = Resolve(ClassUidKeywords);

    /// <summary>Collects the identifying values of a source instance (File Meta included).</summary>
    /// <param name="source">The source.</param>
    /// <returns>Each value with the tag it came from; decoded text, at least <see cref="MinimumLength"/> characters.</returns>
    public static IReadOnlyList<(DicomTag Tag, string Value, byte[]? Raw)> Collect(DicomFile source)
    {
        var found = new List<(DicomTag, string, byte[]?)>();
        var metaInstance = source.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID);
        if (metaInstance is not null)
        {
            AddValue(found, DicomTags.MediaStorageSOPInstanceUID, metaInstance, null);
        }

        Walk(source.Dataset, found, inKretzBlock: false);
        return found;
    }

    private static void Walk(DicomDataset dataset, List<(DicomTag, string, byte[]?)> found, bool inKretzBlock)
    {
        foreach (var item in dataset)
        {
            var identifying = IsIdentifying(item);
            if (item is DicomSequence sequence)
            {
                foreach (var child in sequence.Items)
                {
                    Walk(child, found, inKretzBlock || item.Tag.Group == KretzContactGroup || identifying);
                }

                continue;
            }

            if (item is not DicomElement { IsBulk: false } element || element.Length == 0)
            {
                continue;
            }

            if (identifying || inKretzBlock && IsText(element.VR))
            {
                var text = element.VR is DicomVR.UN ? Encoding.Latin1.GetString(element.Bytes.Span) : dataset.GetString(item.Tag) ?? string.Empty;
                var raw = element.Bytes.ToArray();
                foreach (var value in Split(element.VR, text))
                {
                    AddValue(found, item.Tag, value, null);
                }

                AddValue(found, item.Tag, text, raw);
            }
        }
    }

    private static bool IsIdentifying(DicomItem item) =>
        item.VR switch
        {
            DicomVR.PN or DicomVR.DA or DicomVR.DT => true,
            DicomVR.UI => !ClassUidTags.Contains(item.Tag) && item.Tag.Group != 0x0002,
            _ => IdentifyingTags.Contains(item.Tag) || (item.Tag.Group == KretzContactGroup && !item.Tag.IsPrivateCreator),
        };

    private static bool IsText(DicomVR vr) => vr is DicomVR.LO or DicomVR.SH or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC or DicomVR.PN or DicomVR.UN;

    private static IEnumerable<string> Split(DicomVR vr, string text)
    {
        var values = text.Split('\\');
        return vr == DicomVR.PN
            ? values.Concat(values.SelectMany(v => v.Split('=', '^'))).Select(v => v.Trim())
            : values.Select(v => v.Trim());
    }

    private static void AddValue(List<(DicomTag, string, byte[]?)> found, DicomTag tag, string value, byte[]? raw)
    {
        var trimmed = value.Trim('\0', ' ');
        if (trimmed.Length >= MinimumLength && !(tag.Group != 0x0002 && trimmed.StartsWith(DicomRoot, StringComparison.Ordinal)))
        {
            found.Add((tag, trimmed, raw));
        }
    }

    private static HashSet<DicomTag> Resolve(IEnumerable<string> keywords) =>
        [.. keywords.Select(k => DicomDictionary.LookupKeyword(k)?.Tag).OfType<DicomTag>()];
}
