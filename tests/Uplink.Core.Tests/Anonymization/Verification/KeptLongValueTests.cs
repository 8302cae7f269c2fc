using Uplink.Core.Anonymization;
using Uplink.Core.Tests.Anonymization.Support;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Anonymization.Verification;

/// <summary>Kept values longer than 1 KiB (the pixels of a small image, a long text) are compared whole, byte for byte.</summary>
public sealed class KeptLongValueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-long-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_long_kept_value_passed_through_unchanged_is_accepted()
    {
        var result = Process(_ => { });

        Assert.True(result.Disposition == AnonymizationDisposition.Anonymized, result.Reason);
    }

    [Fact]
    public void One_changed_byte_in_a_long_kept_value_of_the_same_length_is_caught()
    {
        var result = Process(pixels => pixels[1234] ^= 0xFF);

        Assert.Equal(AnonymizationDisposition.SetAside, result.Disposition);
        Assert.Contains("(7FE0,0010) PixelData is kept but its value differs from the source's", result.Reason, StringComparison.Ordinal);
    }

    private InstanceResult Process(Action<byte[]> changePixels)
    {
        var pixels = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.6.1");
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.8001");
        ds.AddOrUpdate(DicomTags.Rows, DicomVR.US, "50");
        ds.AddOrUpdate(DicomTags.Columns, DicomVR.US, "60");
        ds.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, pixels));
        var source = Path.Combine(_folder, "source.dcm");
        new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Save(source);

        var profile = new DelegateProfile(DelegateProfile.Describe(DelegateProfile.KeepAll(removesIdentity: false)), r => DelegateProfile.Copy(r, output =>
        {
            var changed = ((DicomElement)output[DicomTags.PixelData]!).Bytes.ToArray();
            changePixels(changed);
            output.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, changed));
        }));
        return new InstanceProcessor(new HmacUidRemapper(new byte[32])).Process(source, Path.Combine(_folder, "out", "output.dcm"), profile, TestContext.Current.CancellationToken);
    }
}
