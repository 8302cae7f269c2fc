using Uplink.Dicom;
using Uplink.Dicom.Imaging.Native;

namespace Uplink.Dicom.Imaging.Tests.Native;

public sealed class NativeFrameReaderTests
{
    [Fact]
    public void Pixel_data_shorter_than_its_frames_is_refused_naming_both_lengths()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2, columns: 10, rows: 10, frames: 3);
        var element = DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[250]);

        var error = Assert.Throws<PixelDataException>(() => new NativeFrameReader(element, geometry));

        Assert.Contains("250", error.Message, StringComparison.Ordinal);
        Assert.Contains("300", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_odd_padding_byte_is_tolerated()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2, columns: 5, rows: 3);
        using var reader = new NativeFrameReader(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[16]), geometry);

        Assert.Equal(1, reader.TrailingBytes);
    }

    [Fact]
    public void Frames_are_read_in_order_and_out_of_order_from_a_file_on_disk()
    {
        using var temp = new TemporaryFolder();
        var geometry = TestImages.Geometry(Photometric.Rgb, columns: 32, rows: 16, frames: 4);
        var frames = Enumerable.Range(0, 4).Select(i => TestImages.RandomFrame(geometry, i)).ToArray();
        var dataset = TestImages.Dataset(geometry);
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, frames.SelectMany(f => f).ToArray()));
        using var file = TestImages.SaveAndOpen(dataset, DicomTransferSyntax.ExplicitVRLittleEndian, temp.Path);
        var element = Assert.IsType<DicomElement>(file.Dataset.Get(DicomTags.PixelData));
        Assert.True(element.IsBulk);
        using var reader = new NativeFrameReader(element, geometry);

        var streamed = reader.ReadAll().Select(f => f.Frame.ToArray()).ToList();
        var third = new byte[geometry.FrameLength];
        reader.ReadFrame(2, third);
        var first = new byte[geometry.FrameLength];
        reader.ReadFrame(0, first);

        Assert.Equal(frames, streamed);
        Assert.Equal(frames[2], third);
        Assert.Equal(frames[0], first);
    }
}
