using System.Diagnostics;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Plugins.Tests.Profiles.Support;
using Uplink.Profiles.Builtin;

namespace Uplink.Plugins.Tests.Profiles;

public sealed class Ps315BasicTests : IDisposable
{
    private readonly ProfileHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Every_combination_of_its_options_is_a_selectable_profile()
    {
        var ids = BuiltinProfiles.Definitions.Select(d => d.Descriptor.Id).Where(id => id.StartsWith("PS3.15", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "PS3.15-Basic", "PS3.15-Basic+CleanDescriptors", "PS3.15-Basic+CleanDescriptors+CleanPixelData", "PS3.15-Basic+CleanDescriptors+CleanPixelData+RetainDeviceIdentity",
                "PS3.15-Basic+CleanDescriptors+RetainDeviceIdentity", "PS3.15-Basic+CleanPixelData", "PS3.15-Basic+CleanPixelData+RetainDeviceIdentity", "PS3.15-Basic+RetainDeviceIdentity",
            ],
            ids);
    }

    [Fact]
    public void The_clean_pixel_data_option_cleans_the_banner_and_says_so_and_without_it_pixels_pass_through()
    {
        var sourcePath = _harness.Write(PlantedPhi.UltrasoundMultiFrame());

        var (cleaned, cleanedPath) = _harness.Run("PS3.15-Basic+CleanPixelData", sourcePath, "cleaned.dcm");
        var (plain, plainPath) = _harness.Run("PS3.15-Basic", sourcePath, "plain.dcm");

        Assert.Equal(AnonymizationDisposition.Anonymized, cleaned.Disposition);
        Assert.Equal(AnonymizationDisposition.Anonymized, plain.Disposition);
        var cleanedSet = DicomFile.Open(cleanedPath).Dataset;
        Assert.Equal(PlantedPhi.CleanedPixels(3), ((DicomElement)cleanedSet[DicomTags.PixelData]!).Bytes.ToArray());
        Assert.Equal("NO", cleanedSet.GetString(DicomTags.BurnedInAnnotation));
        Assert.Contains("113101", ((DicomSequence)cleanedSet[DicomTags.DeidentificationMethodCodeSequence]!).Items.Select(i => i.GetString(DicomTags.CodeValue)));
        var plainSet = DicomFile.Open(plainPath).Dataset;
        Assert.Equal(PlantedPhi.Pixels(3), ((DicomElement)plainSet[DicomTags.PixelData]!).Bytes.ToArray());
        Assert.DoesNotContain("113101", ((DicomSequence)plainSet[DicomTags.DeidentificationMethodCodeSequence]!).Items.Select(i => i.GetString(DicomTags.CodeValue)));
    }

    [Fact]
    public void Basic_profile_removes_identity_and_private_data_and_passes_the_verifier()
    {
        var sourcePath = _harness.Write(PlantedPhi.UltrasoundMultiFrame());

        var (result, outputPath) = _harness.Run("PS3.15-Basic", sourcePath);

        Assert.True(result.Disposition == AnonymizationDisposition.Anonymized, result.Reason);
        var output = DicomFile.Open(outputPath).Dataset;
        Assert.Equal(string.Empty, output.GetString(DicomTags.PatientName));
        Assert.Equal("ANONYMIZED", output.GetString(DicomTags.StationName));
        Assert.Equal("REMOVED", output.GetString(DicomTags.LongitudinalTemporalInformationModified));
        Assert.DoesNotContain(output, item => item.Tag.IsPrivate);
        Assert.Equal(new[] { "113100" }, Codes(output));
    }

    [Fact]
    public void Retain_device_identity_keeps_the_station_and_says_so()
    {
        var (result, outputPath) = _harness.Run("PS3.15-Basic+RetainDeviceIdentity", PlantedPhi.UltrasoundMultiFrame());

        Assert.True(result.Disposition == AnonymizationDisposition.Anonymized, result.Reason);
        var output = DicomFile.Open(outputPath).Dataset;
        Assert.Equal("PLANTSTATION1", output.GetString(DicomTags.StationName));
        Assert.Equal("SN-PLANT-99", output.GetString(DicomTags.DeviceSerialNumber));
        Assert.Equal(new[] { "113100", "113109" }, Codes(output));
    }

    [Fact]
    public void Clean_descriptors_keeps_a_description_only_when_it_names_nobody()
    {
        var clean = PlantedPhi.UltrasoundMultiFrame();
        clean.Dataset.AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, "OB second trimester");
        clean.Dataset.Remove(DicomTags.ImageComments); // the fixture's comment names the patient
        var leaking = PlantedPhi.UltrasoundMultiFrame();
        leaking.Dataset.AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, "OB for PID-PLANT-4711");

        var (kept, keptPath) = _harness.Run("PS3.15-Basic+CleanDescriptors", _harness.Write(clean, "clean.dcm"), "clean.dcm");
        var (refused, refusedPath) = _harness.Run("PS3.15-Basic+CleanDescriptors", _harness.Write(leaking, "leaking.dcm"), "leaking.dcm");

        Assert.True(kept.Disposition == AnonymizationDisposition.Anonymized, kept.Reason);
        Assert.Equal("OB second trimester", DicomFile.Open(keptPath).Dataset.GetString(DicomTags.StudyDescription));
        Assert.Equal(AnonymizationDisposition.SetAside, refused.Disposition);
        Assert.Contains("(0010,0020) PatientID appears in the output", refused.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(refusedPath));
    }

    [Fact]
    public void The_checked_in_profile_is_what_the_generator_makes_from_the_standard_table()
    {
        var root = Uplink.Tests.Shared.RepositoryLayout.Root();
        var generator = Path.Combine(root, "profiles", "generate-ps315-basic.py");
        if (!File.Exists("/usr/bin/python3") || Uplink.Tests.Shared.RepositoryLayout.Shared("dicom-standard") is not { } standard || !File.Exists(Path.Combine(standard, "confidentiality-profile.tsv")))
        {
            Assert.Skip("needs /usr/bin/python3 and shared/dicom-standard/confidentiality-profile.tsv");
            return;
        }

        using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [generator, Path.Combine(standard, "confidentiality-profile.tsv")]) { RedirectStandardOutput = true })!;
        var generated = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(root, "profiles", "PS3.15-Basic.profile.json")), generated);
    }

    private static string[] Codes(DicomDataset output) =>
        [.. Assert.IsType<DicomSequence>(output[DicomTags.DeidentificationMethodCodeSequence]).Items.Select(i => i.GetString(DicomTags.CodeValue) ?? string.Empty)];
}
