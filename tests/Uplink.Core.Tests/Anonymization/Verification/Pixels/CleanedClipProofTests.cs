using System.Buffers;
using Uplink.Core.Anonymization.Verification.Pixels;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Cleaning;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Core.Tests.Anonymization.Verification.Pixels;

/// <summary>The proof run over every frame of what <see cref="PixelDataCleaner"/> wrote, as the verifier will.</summary>
public sealed class CleanedClipProofTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "uplink-proof-tests-" + Guid.NewGuid().ToString("N"));

    public CleanedClipProofTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_frame_the_cleaner_writes_passes_the_proof(bool rle)
    {
        var (source, geometry) = Clip(rle);
        using var _ = source;
        var area = new KeptArea(32, 16, [new PixelRectangle(4, 3, 27, 12)]);

        var result = new PixelDataCleaner().Clean(source, geometry, area, _temp);

        Assert.Empty(Prove(source, result, geometry, area));
    }

    [Fact]
    public void A_byte_changed_outside_the_kept_area_of_the_last_frame_fails_the_proof()
    {
        var (source, geometry) = Clip(rle: false);
        using var _ = source;
        var area = new KeptArea(32, 16, [new PixelRectangle(4, 3, 27, 12)]);
        var result = new PixelDataCleaner().Clean(source, geometry, area, _temp);
        using (var file = new FileStream(result.TemporaryFile, FileMode.Open, FileAccess.Write))
        {
            file.Seek(-1, SeekOrigin.End);
            file.WriteByte(0x7F);
        }

        var violation = Assert.Single(Prove(source, result, geometry, area));

        Assert.StartsWith("Frame 2:", violation, StringComparison.Ordinal);
        Assert.Contains("column 31, row 15", violation, StringComparison.Ordinal);
    }

    private static List<string> Prove(DicomFile source, CleanedPixelData result, ImageGeometry geometry, KeptArea area)
    {
        var violations = new List<string>();
        var syntax = source.TransferSyntax;
        using var sourceFrames = NativeFrames.Read(source.Dataset.Get(DicomTags.PixelData)!, syntax, geometry).GetEnumerator();
        foreach (var (index, output) in NativeFrames.Read(result.PixelData, syntax, geometry))
        {
            Assert.True(sourceFrames.MoveNext());
            NativeFrameProof.Check(sourceFrames.Current.Frame.Span, output.Span, geometry, area, violations, index);
        }

        return violations;
    }

    private (DicomFile File, ImageGeometry Geometry) Clip(bool rle)
    {
        var geometry = ImageGeometry.Create(16, 32, 3, 8, 8, 7, 0, Photometric.Rgb, 0, 3);
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1143.7");
        var random = new Random(5);
        var frames = Enumerable.Range(0, 3).Select(_ =>
        {
            var frame = new byte[geometry.FrameLength];
            random.NextBytes(frame);
            return frame;
        }).ToArray();
        if (rle)
        {
            var fragments = new List<DicomFragment> { DicomFragment.FromBytes(Array.Empty<byte>()) };
            foreach (var frame in frames)
            {
                var encoded = new ArrayBufferWriter<byte>();
                RleCodec.Encode(frame, geometry, encoded);
                fragments.Add(DicomFragment.FromBytes(encoded.WrittenSpan.ToArray()));
            }

            dataset.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, fragments));
        }
        else
        {
            dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, frames.SelectMany(f => f).ToArray()));
        }

        return (new DicomFile(dataset, rle ? DicomTransferSyntax.RleLossless : DicomTransferSyntax.ExplicitVRLittleEndian), geometry);
    }
}
