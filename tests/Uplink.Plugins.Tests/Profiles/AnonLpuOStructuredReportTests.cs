using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Plugins.Tests.Profiles.Support;

namespace Uplink.Plugins.Tests.Profiles;

public sealed class AnonLpuOStructuredReportTests : IDisposable
{
    private readonly ProfileHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Measurements_and_codes_stay_while_names_text_and_dates_in_content_go()
    {
        var sourcePath = _harness.Write(PlantedPhi.ComprehensiveSr());

        var (result, outputPath) = _harness.Run("Anon-LPU-O", sourcePath);

        Assert.Equal(AnonymizationDisposition.Anonymized, result.Disposition);
        var output = DicomFile.Open(outputPath).Dataset;
        var top = Items(output, DicomTags.ContentSequence);
        var section = Assert.Single(top);
        Assert.Equal("CONTAINER", section.GetString(DicomTags.ValueType));
        var children = Items(section, DicomTags.ContentSequence);
        Assert.Equal(new[] { "NUM", "CODE" }, children.Select(c => c.GetString(DicomTags.ValueType) ?? string.Empty).ToArray());
        var measured = Items(children[0], DicomTags.MeasuredValueSequence).Single();
        Assert.Equal("291.5", measured.GetString(DicomTags.NumericValue));
        Assert.Equal("mm", Items(measured, DicomTags.MeasurementUnitsCodeSequence).Single().GetString(DicomTags.CodeValue));
        Assert.Equal("17621005", Items(children[1], DicomTags.ConceptCodeSequence).Single().GetString(DicomTags.CodeValue));
        Assert.Null(output[DicomTags.VerifyingObserverSequence]);
        Assert.Equal("UNVERIFIED", output.GetString(DicomTags.VerificationFlag));
        var codes = Items(output, DicomTags.DeidentificationMethodCodeSequence).Select(i => i.GetString(DicomTags.CodeValue)).ToList();
        Assert.Contains("113104", codes);
    }

    [Fact]
    public void No_planted_value_of_the_report_survives()
    {
        var sourcePath = _harness.Write(PlantedPhi.ComprehensiveSr());
        var (_, outputPath) = _harness.Run("Anon-LPU-O", sourcePath);

        var bytes = File.ReadAllBytes(outputPath);
        Assert.All(OutputBytes.Planted(DicomFile.Open(sourcePath)), p => Assert.True(bytes.AsSpan().IndexOf(p.Bytes) < 0, $"{p.What} survived"));
    }

    private static IList<DicomDataset> Items(DicomDataset dataset, DicomTag tag) =>
        Assert.IsType<DicomSequence>(dataset[tag]).Items;
}
