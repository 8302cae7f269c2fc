using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Plugins.Tests.Profiles.Support;

namespace Uplink.Plugins.Tests.Profiles;

public sealed class StandardProfileTests : IDisposable
{
    private readonly ProfileHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Dicom_goes_to_the_clinics_own_account_unchanged()
    {
        var sourcePath = _harness.Write(PlantedPhi.UltrasoundMultiFrame());
        var source = DicomFile.Open(sourcePath).Dataset;

        var (result, outputPath) = _harness.Run("Standard", sourcePath);

        Assert.Equal(AnonymizationDisposition.Anonymized, result.Disposition);
        var output = DicomFile.Open(outputPath).Dataset;
        Assert.Equal(source.Select(i => i.Tag), output.Select(i => i.Tag));
        Assert.Equal(source.GetString(DicomTags.PatientName), output.GetString(DicomTags.PatientName));
        Assert.Equal(PlantedPhi.InstanceUid, output.GetString(DicomTags.SOPInstanceUID));
        Assert.Null(output[DicomTags.PatientIdentityRemoved]);
    }

    [Fact]
    public void Non_dicom_content_is_kept_to_be_sent_password_protected()
    {
        Assert.Equal(NonDicomHandling.KeepPasswordProtected, ProfileHarness.Profile("Standard").Descriptor.NonDicom);
        Assert.Equal(NonDicomHandling.Discard, ProfileHarness.Profile("Anon-LPU-O").Descriptor.NonDicom);
    }
}
