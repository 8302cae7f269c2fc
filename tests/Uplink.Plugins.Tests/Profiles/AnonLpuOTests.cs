using System.Text;
using Uplink.Core.Anonymization.Pixels;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Plugins.Tests.Profiles.Support;

namespace Uplink.Plugins.Tests.Profiles;

public sealed class AnonLpuOTests : IDisposable
{
    private const string Strict = "Anon-LPU-O";
    private readonly ProfileHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("ISO_IR 100")]
    [InlineData("ISO_IR 192")]
    [InlineData("\\ISO 2022 IR 87")]
    public void Planted_identity_survives_nowhere_in_the_output_pixels_included(string characterSet)
    {
        var sourcePath = _harness.Write(PlantedPhi.UltrasoundMultiFrame(characterSet));
        var source = DicomFile.Open(sourcePath);

        var (result, output) = _harness.Run(Strict, sourcePath);

        Assert.Equal(AnonymizationDisposition.Anonymized, result.Disposition);
        var bytes = File.ReadAllBytes(output);
        var planted = OutputBytes.Planted(source);
        Assert.True(planted.Count > 40, $"the fixture plants identity in many places ({planted.Count})");
        Assert.All(planted, p => Assert.True(bytes.AsSpan().IndexOf(p.Bytes) < 0, $"{p.What} survived"));
    }

    [Fact]
    public void Display_and_measurement_attributes_stay_intact()
    {
        var sourcePath = _harness.Write(PlantedPhi.UltrasoundMultiFrame());
        var source = DicomFile.Open(sourcePath).Dataset;

        var output = DicomFile.Open(_harness.Run(Strict, sourcePath).OutputPath).Dataset;

        DicomTag[] kept =
        [
            DicomTags.Rows, DicomTags.Columns, DicomTags.SamplesPerPixel, DicomTags.PhotometricInterpretation, DicomTags.PlanarConfiguration,
            DicomTags.BitsAllocated, DicomTags.BitsStored, DicomTags.HighBit, DicomTags.PixelRepresentation, DicomTags.NumberOfFrames,
            DicomTags.FrameIncrementPointer, DicomTags.FrameTime, DicomTags.CineRate, DicomTags.RecommendedDisplayFrameRate,
            DicomTags.LossyImageCompression, DicomTags.ImageType, DicomTags.Modality, DicomTags.Manufacturer, DicomTags.ManufacturerModelName,
            DicomTags.SOPClassUID, DicomTags.SeriesNumber, DicomTags.InstanceNumber, DicomTags.SpecificCharacterSet,
        ];
        Assert.All(kept, tag => Assert.Equal(Bytes(source, tag), Bytes(output, tag)));
        var sourceRegion = ((DicomSequence)source[DicomTags.SequenceOfUltrasoundRegions]!).Items.Single();
        var outputRegion = ((DicomSequence)output[DicomTags.SequenceOfUltrasoundRegions]!).Items.Single();
        Assert.Equal(sourceRegion.Select(i => i.Tag), outputRegion.Select(i => i.Tag));
        Assert.All(sourceRegion, item => Assert.Equal(Bytes(sourceRegion, item.Tag), Bytes(outputRegion, item.Tag)));
        Assert.Equal(PlantedPhi.CleanedPixels(3), Bytes(output, DicomTags.PixelData));
    }

    [Fact]
    public void Identity_is_replaced_by_the_strict_values_and_dates_keep_only_the_year()
    {
        var output = DicomFile.Open(_harness.Run(Strict, PlantedPhi.UltrasoundMultiFrame()).OutputPath).Dataset;

        Assert.Equal("ANONYMOUS", output.GetString(DicomTags.PatientName));
        Assert.Equal("000000", output.GetString(DicomTags.PatientID));
        Assert.Equal("O", output.GetString(DicomTags.PatientSex));
        Assert.Equal("19900101", output.GetString(DicomTags.PatientBirthDate));
        Assert.Equal("ANONYMOUS", output.GetString(DicomTags.ReferringPhysicianName));
        Assert.Equal(string.Empty, output.GetString(DicomTags.AccessionNumber));
        Assert.Equal(string.Empty, output.GetString(DicomTags.StudyID));
        Assert.Equal("20230101", output.GetString(DicomTags.StudyDate));
        Assert.Equal("20230101", output.GetString(DicomTags.AcquisitionDateTime));
        Assert.Equal("000000.00", output.GetString(DicomTags.StudyTime));
        Assert.Equal("000000.00", output.GetString(DicomTags.ContentTime));
    }

    [Fact]
    public void Uids_are_remapped_with_the_site_key_the_same_way_every_time()
    {
        var first = DicomFile.Open(_harness.Run(Strict, PlantedPhi.UltrasoundMultiFrame()).OutputPath);
        var again = DicomFile.Open(_harness.Run(Strict, _harness.Write(PlantedPhi.UltrasoundMultiFrame(), "again.dcm"), "again.dcm").OutputPath);
        using var otherSite = new ProfileHarness([.. Enumerable.Repeat((byte)7, 32)]);
        var elsewhere = DicomFile.Open(otherSite.Run(Strict, PlantedPhi.UltrasoundMultiFrame()).OutputPath);

        var sopInstance = first.Dataset.GetString(DicomTags.SOPInstanceUID)!;
        Assert.Equal(_harness.Uids.Remap(PlantedPhi.InstanceUid), sopInstance);
        Assert.StartsWith("2.25.", sopInstance, StringComparison.Ordinal);
        Assert.True(DicomUid.IsValid(sopInstance));
        Assert.Equal(sopInstance, first.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID));
        Assert.Equal(_harness.Uids.Remap(PlantedPhi.StudyUid), first.Dataset.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal(_harness.Uids.Remap(PlantedPhi.FrameOfReferenceUid), first.Dataset.GetString(DicomTags.FrameOfReferenceUID));
        var reference = ((DicomSequence)first.Dataset[DicomTags.ReferencedStudySequence]!).Items.Single();
        Assert.Equal(_harness.Uids.Remap(PlantedPhi.ReferencedUid), reference.GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal("1.2.840.10008.3.1.2.3.1", reference.GetString(DicomTags.ReferencedSOPClassUID));
        Assert.Equal(PlantedPhi.UltrasoundMultiFrameClass, first.Dataset.GetString(DicomTags.SOPClassUID));
        Assert.Equal(sopInstance, again.Dataset.GetString(DicomTags.SOPInstanceUID));
        Assert.NotEqual(sopInstance, elsewhere.Dataset.GetString(DicomTags.SOPInstanceUID));
    }

    [Fact]
    public void Stamps_say_what_was_done_and_burned_in_annotation_becomes_no_once_the_pixels_are_cleaned()
    {
        var output = DicomFile.Open(_harness.Run(Strict, PlantedPhi.UltrasoundMultiFrame(burnedIn: "YES")).OutputPath).Dataset;

        Assert.Equal("YES", output.GetString(DicomTags.PatientIdentityRemoved));
        Assert.Equal("MODIFIED", output.GetString(DicomTags.LongitudinalTemporalInformationModified));
        Assert.Equal("NO", output.GetString(DicomTags.BurnedInAnnotation));
        Assert.StartsWith("Uplink Anon-LPU-O 1.0.0", output.GetString(DicomTags.DeidentificationMethod), StringComparison.Ordinal);
        Assert.Contains("Clean Pixel Data Option", output.GetString(DicomTags.DeidentificationMethod), StringComparison.Ordinal);
        var codes = ((DicomSequence)output[DicomTags.DeidentificationMethodCodeSequence]!).Items.Select(i => i.GetString(DicomTags.CodeValue) ?? string.Empty).ToArray();
        Assert.Equal(new[] { "113100", "113101", "113107" }, codes);
    }

    [Fact]
    public void Private_overlay_icon_and_original_attributes_are_gone_at_every_depth()
    {
        var output = DicomFile.Open(_harness.Run(Strict, PlantedPhi.UltrasoundMultiFrame()).OutputPath).Dataset;

        var tags = AllTags(output).ToList();
        Assert.DoesNotContain(tags, t => t.IsPrivate);
        Assert.DoesNotContain(tags, t => t.Group == 0x6000);
        Assert.DoesNotContain(DicomTags.IconImageSequence, tags);
        Assert.DoesNotContain(DicomTags.OriginalAttributesSequence, tags);
        Assert.DoesNotContain(DicomTags.OtherPatientIDsSequence, tags);
        Assert.DoesNotContain(DicomTags.RequestAttributesSequence, tags);
        Assert.DoesNotContain(DicomTags.PatientMotherBirthName, tags);
        Assert.DoesNotContain(DicomTags.InstitutionName, tags);
    }

    [Theory]
    [InlineData("YES")]
    [InlineData(null)]
    [InlineData("NO")]
    public void Secondary_capture_from_a_device_with_no_known_image_area_is_held_back_whatever_it_declares(string? burnedIn)
    {
        var (result, output) = _harness.Run(Strict, PlantedPhi.SecondaryCapture(burnedIn));

        Assert.Equal(AnonymizationDisposition.SetAside, result.Disposition);
        Assert.Contains("no known image area for GE Healthcare Voluson E10 8x8", result.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(Directory.Exists(Path.GetDirectoryName(output)) && Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!).Any(), "nothing may be left in the output folder");
    }

    [Fact]
    public void Secondary_capture_from_a_device_with_a_rule_is_cleaned_to_the_rule_and_sent()
    {
        var rules = new ImageAreaRules([new ImageAreaRule("Plantscope", "site.json", ["GE"], ["Voluson E10"], 8, 8, [], [new PixelRectangle(0, PlantedPhi.BannerRows, 7, 7)])]);
        using var harness = new ProfileHarness(areaRules: rules);

        var (result, output) = harness.Run(Strict, PlantedPhi.SecondaryCapture("YES"));

        Assert.Equal(AnonymizationDisposition.Anonymized, result.Disposition);
        var dataset = DicomFile.Open(output).Dataset;
        Assert.Equal(PlantedPhi.CleanedPixels(1), Bytes(dataset, DicomTags.PixelData));
        Assert.Equal("NO", dataset.GetString(DicomTags.BurnedInAnnotation));
        var pixels = System.Text.Json.JsonDocument.Parse(result.AuditJson!).RootElement.GetProperty("verifier").GetProperty("pixels");
        Assert.Equal("device rule 'Plantscope' (site.json)", pixels.GetProperty("areaSource").GetString());
        Assert.Equal("[[0,2,7,7]]", pixels.GetProperty("kept").GetRawText());
        Assert.Equal(1, pixels.GetProperty("frames").GetInt32());
    }

    [Fact]
    public void Encapsulated_pdf_is_discarded_as_non_dicom_content()
    {
        var (result, output) = _harness.Run(Strict, PlantedPhi.EncapsulatedPdf());

        Assert.Equal(AnonymizationDisposition.Discarded, result.Disposition);
        Assert.Contains("non-DICOM", result.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_sop_class_the_whitelist_does_not_list_is_set_aside()
    {
        var file = PlantedPhi.UltrasoundMultiFrame();
        file.Dataset.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");

        var (result, output) = _harness.Run(Strict, file);

        Assert.Equal(AnonymizationDisposition.SetAside, result.Disposition);
        Assert.Contains("1.2.840.10008.5.1.4.1.1.2", result.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void The_audit_record_names_tags_and_the_output_hash_but_no_planted_value()
    {
        var sourcePath = _harness.Write(PlantedPhi.UltrasoundMultiFrame());
        var (result, output) = _harness.Run(Strict, sourcePath);

        var audit = result.AuditJson!;
        Assert.Contains("\"id\":\"Anon-LPU-O\"", audit, StringComparison.Ordinal);
        Assert.Contains("\"(0010,0010)\"", audit, StringComparison.Ordinal);
        Assert.Contains("\"passed\":true", audit, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(output))), audit, StringComparison.Ordinal);
        var auditBytes = Encoding.UTF8.GetBytes(audit);
        Assert.All(OutputBytes.Planted(DicomFile.Open(sourcePath)), p => Assert.True(auditBytes.AsSpan().IndexOf(p.Bytes) < 0, $"{p.What} is in the audit"));
    }

    private static byte[] Bytes(DicomDataset dataset, DicomTag tag)
    {
        var element = Assert.IsType<DicomElement>(dataset[tag]);
        using var stream = element.OpenValue();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static IEnumerable<DicomTag> AllTags(DicomDataset dataset) =>
        dataset.SelectMany(item => item is DicomSequence s ? s.Items.SelectMany(AllTags).Prepend(item.Tag) : [item.Tag]);
}
