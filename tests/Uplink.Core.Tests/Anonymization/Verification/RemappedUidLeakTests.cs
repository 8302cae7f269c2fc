using System.Text;
using Uplink.Core.Anonymization;
using Uplink.Core.Tests.Anonymization.Support;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Anonymization.Verification;

/// <summary>
/// A short numeric identity value can occur by chance inside a new <c>2.25.</c> UID. The tests plant such a value
/// on purpose: six digits taken out of the UID the remapper will produce for the source's SOP Instance UID.
/// </summary>
public sealed class RemappedUidLeakTests : IDisposable
{
    private const string SopInstanceUid = "1.2.826.0.1.3680043.2.1125.9001"; // the test instance's
    private static readonly HmacUidRemapper Uids = new(Encoding.ASCII.GetBytes("a site key for the remapped-UID leak tests"));
    private static readonly string Planted = Uids.Remap(SopInstanceUid)[12..18];
    private readonly TestInstance _instance = new();

    public void Dispose() => _instance.Dispose();

    [Fact]
    public void A_numeric_patient_id_found_only_inside_a_remapped_uid_is_not_a_leak_and_the_instance_is_sent()
    {
        var result = Process(_ => { });

        Assert.True(result.Disposition == AnonymizationDisposition.Anonymized, result.Reason);
        Assert.Contains(Planted, Encoding.Latin1.GetString(File.ReadAllBytes(result.Output!.Path)), StringComparison.Ordinal); // the digits really are in the written bytes
    }

    [Fact]
    public void The_same_digits_in_a_kept_text_element_are_still_a_leak()
    {
        AssertPatientIdLeak(Process(ds => ds.AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, $"Exam {Planted} follow-up")));
    }

    [Fact]
    public void The_same_digits_in_a_uid_the_remapper_did_not_produce_are_still_a_leak()
    {
        AssertPatientIdLeak(Process(ds => ds.AddOrUpdate(new DicomTag(0x0008, 0x1150), DicomVR.UI, $"1.2.840.10008.5.1.4.1.1.{Planted}")));
    }

    [Fact]
    public void The_same_digits_beside_a_remapped_uid_in_the_same_value_are_still_a_leak()
    {
        AssertPatientIdLeak(Process(_ => { }, addToOutput: ds => ds.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, Uids.Remap(SopInstanceUid) + Planted)));
    }

    private static void AssertPatientIdLeak(InstanceResult result)
    {
        Assert.Equal(AnonymizationDisposition.SetAside, result.Disposition);
        Assert.Contains("(0010,0020) PatientID appears in the output", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Planted, result.AuditJson, StringComparison.Ordinal);
    }

    /// <summary>The test instance with the planted Patient ID (plus <paramref name="addToSource"/>), through a profile that replaces the identity and remaps the UIDs.</summary>
    private InstanceResult Process(Action<DicomDataset> addToSource, Action<DicomDataset>? addToOutput = null)
    {
        var source = DicomFile.Open(_instance.SourcePath);
        source.Dataset.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, Planted);
        source.Dataset.Remove(new DicomTag(0x0009, 0x1001)); // its private value is not what these tests are about
        addToSource(source.Dataset);
        source.Save(_instance.SourcePath);

        var rules = DelegateProfile.KeepAll(
            removesIdentity: true,
            new TagRule(DicomTags.PatientName, TagAction.Replace, "ANONYMOUS"),
            new TagRule(DicomTags.PatientID, TagAction.Replace, "000000"),
            new TagRule(DicomTags.SOPInstanceUID, TagAction.RemapUid),
            new TagRule(DicomTags.StudyInstanceUID, TagAction.RemapUid),
            new TagRule(DicomTags.SeriesInstanceUID, TagAction.RemapUid),
            new TagRule(DicomTags.PatientIdentityRemoved, TagAction.Set, "YES"));
        var profile = new DelegateProfile(DelegateProfile.Describe(rules), r => DelegateProfile.Copy(r, output =>
        {
            output.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "ANONYMOUS");
            output.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "000000");
            foreach (var tag in new[] { DicomTags.SOPInstanceUID, DicomTags.StudyInstanceUID })
            {
                output.AddOrUpdate(tag, DicomVR.UI, r.Uids.Remap(output.GetString(tag)!));
            }

            output.AddOrUpdate(DicomTags.PatientIdentityRemoved, DicomVR.CS, "YES");
            addToOutput?.Invoke(output);
        }));
        return new InstanceProcessor(Uids).Process(_instance.SourcePath, _instance.OutputPath, profile, TestContext.Current.CancellationToken);
    }
}
