using System.Diagnostics;
using Uplink.Dicom;

namespace Uplink.Dicom.Imaging.Tests;

public sealed class ImageGeometryTests
{
    [Fact]
    public void Reads_the_image_pixel_attributes_and_sizes_a_frame()
    {
        var dataset = TestImages.Dataset(TestImages.Geometry(Photometric.Rgb, planar: 1, columns: 640, rows: 480, frames: 3));

        var geometry = ImageGeometry.FromDataset(dataset);

        Assert.Equal((480, 640, 3, 8, 1, 3), (geometry.Rows, geometry.Columns, geometry.SamplesPerPixel, geometry.BitsAllocated, geometry.PlanarConfiguration, geometry.NumberOfFrames));
        Assert.Equal(640 * 480 * 3, geometry.FrameLength);
        Assert.Equal(3L * 640 * 480 * 3, geometry.TotalLength);
        Assert.Equal("RGB", geometry.PhotometricInterpretation);
    }

    [Fact]
    public void Number_of_frames_defaults_to_one_and_YBR_FULL_422_has_two_samples_per_pixel()
    {
        var dataset = TestImages.Dataset(TestImages.Geometry(Photometric.YbrFull422, columns: 10, rows: 4));
        dataset.Remove(DicomTags.NumberOfFrames);

        var geometry = ImageGeometry.FromDataset(dataset);

        Assert.Equal(1, geometry.NumberOfFrames);
        Assert.Equal(10 * 4 * 2, geometry.FrameLength);
    }

    [Theory]
    [InlineData("Rows")]
    [InlineData("Columns")]
    [InlineData("Bits Allocated")]
    public void A_missing_dimension_is_refused_by_name(string name)
    {
        var dataset = TestImages.Dataset(TestImages.Geometry(Photometric.Monochrome2));
        dataset.Remove(name switch { "Rows" => DicomTags.Rows, "Columns" => DicomTags.Columns, _ => DicomTags.BitsAllocated });

        var error = Assert.Throws<PixelDataException>(() => ImageGeometry.FromDataset(dataset));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_dimension_is_refused_by_name()
    {
        var dataset = TestImages.Dataset(TestImages.Geometry(Photometric.Monochrome2));
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, "0");

        var error = Assert.Throws<PixelDataException>(() => ImageGeometry.FromDataset(dataset));

        Assert.Contains("Columns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(32)]
    public void Bits_allocated_other_than_8_or_16_are_refused(int bits)
    {
        var dataset = TestImages.Dataset(TestImages.Geometry(Photometric.Monochrome2));
        dataset.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, bits.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Throws<PixelDataException>(() => ImageGeometry.FromDataset(dataset));

        Assert.Contains("Bits Allocated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_65535_by_65535_colour_frame_is_refused_at_once_with_its_size()
    {
        var dataset = TestImages.Dataset(TestImages.Geometry(Photometric.Rgb));
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, "65535");
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, "65535");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<PixelDataException>(() => ImageGeometry.FromDataset(dataset));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
        Assert.Contains((65535L * 65535 * 3).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_photometric_interpretation_is_refused_by_name_and_a_known_other_one_is_parsed()
    {
        var dataset = TestImages.Dataset(TestImages.Geometry(Photometric.Rgb));
        dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "FANCY");
        Assert.Contains("'FANCY'", Assert.Throws<PixelDataException>(() => ImageGeometry.FromDataset(dataset)).Message, StringComparison.Ordinal);

        dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "YBR_ICT");
        var geometry = ImageGeometry.FromDataset(dataset);
        Assert.Equal(Photometric.YbrIct, geometry.Photometric);
        Assert.False(PhotometricNames.IsSupported(geometry.Photometric));
    }

    [Fact]
    public void A_high_bit_that_is_not_bits_stored_minus_one_is_refused()
    {
        var dataset = TestImages.Dataset(TestImages.Geometry(Photometric.Monochrome2, bits: 16, bitsStored: 12));
        dataset.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "15");

        Assert.Contains("High Bit", Assert.Throws<PixelDataException>(() => ImageGeometry.FromDataset(dataset)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_palette_is_read_from_its_descriptors_and_tables()
    {
        var geometry = TestImages.Geometry(Photometric.PaletteColor, palette: TestImages.Palette(256, 16, firstMapped: 0));

        var read = ImageGeometry.FromDataset(TestImages.Dataset(geometry));

        Assert.NotNull(read.Palette);
        Assert.Equal(256, read.Palette.Entries);
        Assert.True(read.Palette.Red.SequenceEqual(geometry.Palette!.Red));
    }
}
