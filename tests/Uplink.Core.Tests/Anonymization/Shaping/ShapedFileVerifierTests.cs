using Uplink.Core.Anonymization;
using Uplink.Core.Anonymization.Shaping;
using Uplink.Dicom;
using Uplink.Plugins.Tests.Support;
using static Uplink.Core.Tests.Anonymization.Shaping.ShapingFixture;

namespace Uplink.Core.Tests.Anonymization.Shaping;

/// <summary>The shaping verifier refuses shaped files that are not exactly the verified instance, re-read from disk.</summary>
public sealed class ShapedFileVerifierTests : IDisposable
{
    private readonly TempFolder _temp = new("uplink-shaped-verifier");

    [Fact]
    public void Verify_PartWithOnePixelChangedOnDisk_IsRefusedNamingTheFrame()
    {
        var (clip, parts) = SplitClip();
        var part = parts[1];
        using (var stream = new FileStream(part.Path, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Seek(-100, SeekOrigin.End);
            var value = stream.ReadByte();
            stream.Seek(-1, SeekOrigin.Current);
            stream.WriteByte((byte)(value ^ 0xFF));
        }

        using var verified = DicomFile.Open(clip);
        var violations = ShapedFileVerifier.Verify(part.Path, verified, Plan(part, parts.Count, verified), null);

        Assert.Contains(violations, v => v.Contains("frame", StringComparison.Ordinal) && v.Contains("differs", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_UntouchedPart_Passes()
    {
        var (clip, parts) = SplitClip();
        using var verified = DicomFile.Open(clip);

        Assert.Empty(ShapedFileVerifier.Verify(parts[1].Path, verified, Plan(parts[1], parts.Count, verified), null));
    }

    [Fact]
    public void Verify_PartWhoseHeaderGainedAValue_IsRefusedNamingTheAttribute()
    {
        var (clip, parts) = SplitClip();
        using (var file = DicomFile.Open(parts[0].Path))
        {
            file.Dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Testplant^Tina");
            file.Save(parts[0].Path);
        }

        using var verified = DicomFile.Open(clip);
        var violations = ShapedFileVerifier.Verify(parts[0].Path, verified, Plan(parts[0], parts.Count, verified), null);

        Assert.Contains(violations, v => v.Contains("(0010,0010)", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("Testplant", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_PartWithAUidNotDerivedByTheRule_IsRefused()
    {
        var (clip, parts) = SplitClip();
        using (var file = DicomFile.Open(parts[0].Path))
        {
            file.Dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.123456789");
            file.Save(parts[0].Path);
        }

        using var verified = DicomFile.Open(clip);
        var violations = ShapedFileVerifier.Verify(parts[0].Path, verified, Plan(parts[0], parts.Count, verified), null);

        Assert.Contains(violations, v => v.Contains("(0008,0018)", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_ShapedFileHoldingASourceIdentityValue_IsFoundByTheLeakScan()
    {
        var source = SyntheticClip.Write(_temp.Combine("source.dcm"), "2.25.4242", frames: 2, rows: 16, columns: 16);
        using (var file = DicomFile.Open(source))
        {
            file.Dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Testplant^Tina");
            file.Save(source);
        }

        var verified = SyntheticClip.Write(_temp.Combine("verified.dcm"), "2.25.4242", frames: 2, rows: 16, columns: 16);
        var shaped = _temp.Combine("shaped.dcm");
        using (var file = DicomFile.Open(verified))
        {
            file.Dataset.AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, "Testplant^Tina");
            file.Save(shaped);
        }

        using var sourceFile = DicomFile.Open(source);
        using var verifiedFile = DicomFile.Open(verified);
        var violations = ShapedFileVerifier.Verify(shaped, verifiedFile, null, new ShapingLeakCheck(sourceFile, new HmacUidRemapper(new byte[32])));

        Assert.Contains(violations, v => v.Contains("a value of the source's", StringComparison.Ordinal));
    }

    [Fact]
    public void ShapingCache_FileChangedAfterItWasRecorded_IsNotReused()
    {
        var (_, parts) = SplitClip();
        var folder = Path.GetDirectoryName(parts[0].Path)!;
        ShapingCache.Save(folder, parts);
        Assert.NotNull(ShapingCache.Load(folder));

        File.AppendAllText(parts[1].Path, "x");

        Assert.Null(ShapingCache.Load(folder));
    }

    public void Dispose() => _temp.Dispose();

    private static ClipPart Plan(ShapedFile part, int total, DicomFile verified)
    {
        using var file = DicomFile.Open(part.Path);
        var offset = part.Part == 1 ? 0 : file.Dataset.GetInt32(DicomTags.ConcatenationFrameOffsetNumber) ?? 0;
        var frames = verified.Dataset.GetInt32(DicomTags.NumberOfFrames)!.Value;
        var perPart = (frames + total - 1) / total;
        return new ClipPart(part.Part, total, offset, Math.Min(perPart, frames - offset), part.Path);
    }

    private (string Clip, IReadOnlyList<ShapedFile> Parts) SplitClip()
    {
        var clip = SyntheticClip.Write(_temp.Combine("clip.dcm"), "2.25.3030", frames: 6, rows: 120, columns: 160);
        var shaped = Shape(clip, TricefyLike(maxBytes: 120_000), _temp.Combine("shaped"));
        Assert.True(shaped.SetAsideReason is null, shaped.SetAsideReason);
        Assert.Equal(3, shaped.Files.Count);
        return (clip, shaped.Files);
    }
}
