using Uplink.Core.Anonymization;
using Uplink.Core.Tests.Anonymization.Support;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Anonymization.Verification;

/// <summary>Kept values longer than 1 KiB (the pixels of a small image, a long text) are compared whole, byte for byte.</summary>
public sealed class KeptLongValueTests : IDisposable
{
    private static readonly DicomTag LongPrivate = new(0x0009, 0x1002);
    private readonly TestInstance _instance = new();

    public void Dispose() => _instance.Dispose();

    [Fact]
    public void A_long_kept_value_passed_through_unchanged_is_accepted()
    {
        var result = Process(_ => { });

        Assert.True(result.Disposition == AnonymizationDisposition.Anonymized, result.Reason);
    }

    [Fact]
    public void One_changed_byte_in_a_long_kept_value_of_the_same_length_is_caught()
    {
        var result = Process(bytes => bytes[1234] ^= 0xFF);

        Assert.Equal(AnonymizationDisposition.SetAside, result.Disposition);
        Assert.Contains("(0009,1002) (private) is kept but its value differs from the source's", result.Reason, StringComparison.Ordinal);
    }

    /// <summary>The test instance with a 3000-byte private value, through a profile that keeps everything and changes that value's bytes.</summary>
    private InstanceResult Process(Action<byte[]> change)
    {
        var source = DicomFile.Open(_instance.SourcePath);
        source.Dataset.AddOrUpdate(DicomElement.FromBytes(LongPrivate, DicomVR.OB, Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray()));
        source.Save(_instance.SourcePath);

        var profile = new DelegateProfile(DelegateProfile.Describe(DelegateProfile.KeepAll(removesIdentity: false)), r => DelegateProfile.Copy(r, output =>
        {
            var changed = ((DicomElement)output[LongPrivate]!).Bytes.ToArray();
            change(changed);
            output.AddOrUpdate(DicomElement.FromBytes(LongPrivate, DicomVR.OB, changed));
        }));
        return new InstanceProcessor(new HmacUidRemapper(new byte[32])).Process(_instance.SourcePath, _instance.OutputPath, profile, TestContext.Current.CancellationToken);
    }
}
