using Uplink.Dicom;

namespace Uplink.Dicom.Imaging.Tests;

public sealed class NativeFramesTests
{
    [Fact]
    public void Native_and_RLE_pixel_data_read_as_the_same_native_frames()
    {
        var geometry = TestImages.Geometry(Photometric.Rgb, planar: 1, columns: 20, rows: 6, frames: 3);
        var frames = Enumerable.Range(0, 3).Select(i => TestImages.RandomFrame(geometry.WithFrames(1), i)).ToArray();
        var native = DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, frames.SelectMany(f => f).ToArray());
        var rle = TestImages.RleSequence(geometry, frames);

        Assert.Equal(frames, NativeFrames.Read(native, DicomTransferSyntax.ExplicitVRLittleEndian, geometry).Select(f => f.Frame.ToArray()));
        Assert.Equal(frames, NativeFrames.Read(rle, DicomTransferSyntax.RleLossless, geometry).Select(f => f.Frame.ToArray()));
    }

    [Fact]
    public void A_syntax_it_cannot_decode_is_refused_by_name()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2);
        var sequence = new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, []);

        var error = Assert.Throws<PixelDataException>(() => NativeFrames.Read(sequence, DicomTransferSyntax.JpegBaseline, geometry));

        Assert.Contains("1.2.840.10008.1.2.4.50", error.Message, StringComparison.Ordinal);
    }
}
