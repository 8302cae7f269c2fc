using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Anonymization;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Tests.Anonymization.Support;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Anonymization;

public sealed class InstanceProcessorTests : IDisposable
{
    private readonly TestInstance _instance = new();
    private readonly InstanceProcessor _processor = new(new HmacUidRemapper(new byte[32]));

    public void Dispose() => _instance.Dispose();

    [Fact]
    public void Verified_output_is_renamed_into_place_with_its_hash_and_nothing_temporary_is_left()
    {
        var profile = new DelegateProfile(DelegateProfile.Describe(DelegateProfile.KeepAll(removesIdentity: false)), r => DelegateProfile.Copy(r, _ => { }));

        var result = Process(profile);

        Assert.Equal(AnonymizationDisposition.Anonymized, result.Disposition);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(_instance.OutputPath))), result.Output!.Sha256);
        Assert.Equal(new FileInfo(_instance.OutputPath).Length, result.Output.Length);
        Assert.Equal([_instance.OutputPath], _instance.OutputFolderFiles);
        Assert.Contains("\"passed\":true", result.AuditJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0018u, "SOP Instance UID (0008,0018)")]
    [InlineData(0x0016u, "SOP Class UID (0008,0016)")]
    public void An_instance_without_its_sop_uids_is_set_aside_because_an_output_could_not_tell_it_from_another(uint element, string named)
    {
        var tag = new DicomTag(0x0008, (ushort)element);
        var profile = new DelegateProfile(DelegateProfile.Describe(DelegateProfile.KeepAll(removesIdentity: false)), r => DelegateProfile.Copy(r, ds => ds.Remove(tag)));

        var result = Process(profile);

        AssertSetAsideWithNothingWritten(result, $"the instance has no {named}");
    }

    [Fact]
    public void A_profile_declaring_no_rules_is_still_held_to_the_identity_scan()
    {
        var leaky = new DelegateProfile(DelegateProfile.Describe(null), r => DelegateProfile.Copy(r, ds => ds.Remove(DicomTags.PatientID)));

        var result = Process(leaky);

        AssertSetAsideWithNothingWritten(result, "(0010,0010) PatientName appears in the output");
    }

    [Fact]
    public void A_name_copied_into_a_kept_attribute_is_caught()
    {
        var rules = DelegateProfile.KeepAll(removesIdentity: true, new TagRule(DicomTags.PatientName, TagAction.Replace, "ANONYMOUS"), new TagRule(DicomTags.PatientID, TagAction.Remove));
        var profile = new DelegateProfile(DelegateProfile.Describe(rules), r => DelegateProfile.Copy(r, ds =>
        {
            ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "ANONYMOUS");
            ds.Remove(DicomTags.PatientID);
            ds.AddOrUpdate(new DicomTag(0x0009, 0x1001), DicomVR.LO, "note: " + TestInstance.Name);
            ds.AddOrUpdate(DicomTags.PatientIdentityRemoved, DicomVR.CS, "YES");
        }));

        var result = Process(profile);

        AssertSetAsideWithNothingWritten(result, "(0009,1001) (private) is kept but its value differs from the source's");
        Assert.Contains("(0010,0010) PatientName appears in the output", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_the_rules_remove_is_caught_even_without_identity_in_it()
    {
        var rules = new ProfileRules(false, TagAction.Keep, TagAction.Remove, [], [new SopClassRules("any", ["*"], [])]);
        var profile = new DelegateProfile(DelegateProfile.Describe(rules), r => DelegateProfile.Copy(r, _ => { }));

        var result = Process(profile);

        AssertSetAsideWithNothingWritten(result, "(0009,1001) (private) is present, but the profile removes it");
    }

    [Fact]
    public void A_replacement_other_than_the_declared_value_is_caught()
    {
        var rules = DelegateProfile.KeepAll(removesIdentity: false, new TagRule(DicomTags.PatientName, TagAction.Replace, "ANONYMOUS"));
        var profile = new DelegateProfile(DelegateProfile.Describe(rules), r => DelegateProfile.Copy(r, ds => ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "SOMEONE")));

        var result = Process(profile);

        AssertSetAsideWithNothingWritten(result, "(0010,0010) PatientName does not hold the value the profile dictates");
    }

    [Fact]
    public void Burned_in_annotation_set_to_no_without_cleaning_is_caught()
    {
        var profile = new DelegateProfile(DelegateProfile.Describe(DelegateProfile.KeepAll(removesIdentity: false)), r => DelegateProfile.Copy(r, ds => ds.AddOrUpdate(DicomTags.BurnedInAnnotation, DicomVR.CS, "NO")));

        var result = Process(profile);

        AssertSetAsideWithNothingWritten(result, "Burned In Annotation (0028,0301) was set to NO");
    }

    [Fact]
    public void Changed_pixel_data_is_caught()
    {
        var profile = new DelegateProfile(DelegateProfile.Describe(DelegateProfile.KeepAll(removesIdentity: false)), r => DelegateProfile.Copy(r, ds => ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[8]))));

        var result = Process(profile);

        AssertSetAsideWithNothingWritten(result, "Pixel Data did not pass through unchanged");
    }

    [Fact]
    public void A_profile_that_throws_is_contained_once_by_its_guard()
    {
        var raw = new DelegateProfile(DelegateProfile.Describe(null), _ => throw new InvalidOperationException("boom " + TestInstance.Name));
        var profile = new GuardedProfile("Test.Plugin", raw, raw.Descriptor, new PluginStates(), NullLogger.Instance);

        var result = Process(profile);

        AssertSetAsideWithNothingWritten(result, "profile Test of plugin Test.Plugin failed (InvalidOperationException)");
        Assert.DoesNotContain(TestInstance.Name, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_dicom_is_discarded_by_a_profile_that_discards_non_dicom()
    {
        File.WriteAllText(_instance.SourcePath, "%PDF-1.4 not a DICOM file at all, just a document someone dropped in the exam folder");

        var result = Process(new DelegateProfile(DelegateProfile.Describe(null), _ => throw new InvalidOperationException("never called")));

        Assert.Equal(AnonymizationDisposition.Discarded, result.Disposition);
        Assert.Contains("not DICOM", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_instance.OutputFolderFiles);
    }

    [Fact]
    public void A_file_that_is_not_dicom_is_kept_byte_for_byte_by_a_profile_that_keeps_non_dicom()
    {
        var content = "%PDF-1.4 a report someone dropped in the exam folder"u8.ToArray();
        File.WriteAllBytes(_instance.SourcePath, content);
        var keeps = DelegateProfile.Describe(null) with { NonDicom = NonDicomHandling.KeepPasswordProtected };

        var result = Process(new DelegateProfile(keeps, _ => throw new InvalidOperationException("never called")));

        Assert.Equal(AnonymizationDisposition.KeptNonDicom, result.Disposition);
        Assert.Equal([_instance.OutputPath], _instance.OutputFolderFiles);
        Assert.Equal(content, File.ReadAllBytes(_instance.OutputPath));
        Assert.Equal("application/pdf", result.Output!.NonDicomMediaType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), result.Output.Sha256);
        Assert.Contains("\"passwordProtected\":true", result.AuditJson, StringComparison.Ordinal);
        Assert.Contains("\"mediaType\":\"application/pdf\"", result.AuditJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_dicom_file_is_set_aside_with_the_codecs_reason()
    {
        var bytes = File.ReadAllBytes(_instance.SourcePath);
        File.WriteAllBytes(_instance.SourcePath, bytes[..(bytes.Length - 3)]);

        var result = Process(new DelegateProfile(DelegateProfile.Describe(null), _ => throw new InvalidOperationException("never called")));

        AssertSetAsideWithNothingWritten(result, "not valid DICOM");
        Assert.Contains("(7FE0,0010)", result.Reason, StringComparison.Ordinal);
    }

    private InstanceResult Process(IAnonymizationProfile profile) =>
        _processor.Process(_instance.SourcePath, _instance.OutputPath, profile, TestContext.Current.CancellationToken);

    private void AssertSetAsideWithNothingWritten(InstanceResult result, string reason)
    {
        Assert.Equal(AnonymizationDisposition.SetAside, result.Disposition);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Null(result.Output);
        Assert.Empty(_instance.OutputFolderFiles);
        Assert.DoesNotContain(TestInstance.Name, result.AuditJson, StringComparison.Ordinal);
        Assert.DoesNotContain(TestInstance.PatientId, result.AuditJson, StringComparison.Ordinal);
    }
}
