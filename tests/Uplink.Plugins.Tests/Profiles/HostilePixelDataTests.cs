using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Rle;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Plugins.Tests.Profiles.Support;

namespace Uplink.Plugins.Tests.Profiles;

/// <summary>
/// Pixel data that lies about itself, through the whole processor under Anon-LPU-O: each instance is set aside with
/// a reason naming what is wrong, nothing is written, and nothing crashes or allocates what the header claims.
/// </summary>
public sealed class HostilePixelDataTests : IDisposable
{
    private readonly ProfileHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Native_pixel_data_shorter_than_its_frames_is_set_aside_naming_pixel_data()
    {
        var dataset = Image(rows: 64, columns: 64, frames: 3, "MONOCHROME2", samples: 1);
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[(64 * 64 * 2) + 10]));

        AssertSetAside(new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian), "Pixel Data (7FE0,0010)");
    }

    [Fact]
    public void A_65535_square_frame_is_refused_by_its_size_before_anything_is_allocated()
    {
        var dataset = Image(rows: 65535, columns: 65535, frames: 1, "RGB", samples: 3);
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[16]));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        AssertSetAside(new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian), "Rows 65535 x Columns 65535");

        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 256L * 1024 * 1024, "the frame's claimed size must not be allocated");
    }

    [Fact]
    public void An_rle_segment_offset_past_the_frame_is_set_aside_naming_the_segment()
    {
        var dataset = Image(rows: 16, columns: 16, frames: 1, "MONOCHROME2", samples: 1);
        var geometry = ImageGeometry.FromDataset(dataset);
        var encoded = new ArrayBufferWriter<byte>();
        RleCodec.Encode(new byte[16 * 16], geometry, encoded);
        var frame = encoded.WrittenSpan.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 100_000);
        dataset.AddOrUpdate(Fragments(frame));

        AssertSetAside(new DicomFile(dataset, DicomTransferSyntax.RleLossless), "segment 1");
    }

    [Fact]
    public void A_truncated_jpeg_frame_is_set_aside_and_a_corrupted_one_too()
    {
        var jpeg = Convert.FromBase64String(TinyJpeg);
        var truncated = Image(rows: 16, columns: 16, frames: 1, "MONOCHROME2", samples: 1);
        truncated.AddOrUpdate(Fragments(jpeg[..(jpeg.Length - 40)]));
        var corrupted = Image(rows: 16, columns: 16, frames: 1, "MONOCHROME2", samples: 1);
        var flipped = (byte[])jpeg.Clone();
        for (var i = jpeg.Length - 30; i < jpeg.Length - 4; i++)
        {
            flipped[i] = 0xFF;
        }

        corrupted.AddOrUpdate(Fragments(flipped));

        AssertSetAside(new DicomFile(truncated, DicomTransferSyntax.JpegBaseline), "the pixels cannot be cleaned");
        AssertSetAside(new DicomFile(corrupted, DicomTransferSyntax.JpegBaseline), "the pixels cannot be cleaned");
    }

    [Fact]
    public void An_encoding_that_cannot_be_cleaned_faithfully_is_held_back_naming_its_transfer_syntax()
    {
        var dataset = Image(rows: 16, columns: 16, frames: 1, "MONOCHROME2", samples: 1);
        dataset.AddOrUpdate(Fragments(new byte[64]));

        AssertSetAside(new DicomFile(dataset, DicomTransferSyntax.Lookup("1.2.840.10008.1.2.4.80")), "(1.2.840.10008.1.2.4.80) cannot be cleaned");
    }

    private void AssertSetAside(DicomFile file, string expected)
    {
        var (result, output) = _harness.Run("Anon-LPU-O", file);

        Assert.Equal(AnonymizationDisposition.SetAside, result.Disposition);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(Directory.Exists(Path.GetDirectoryName(output)) && Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!).Any(), "nothing may be left beside the output");
    }

    private static DicomDataset Image(int rows, int columns, int frames, string photometric, int samples)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, frames > 1 ? PlantedPhi.UltrasoundMultiFrameClass : "1.2.840.10008.5.1.4.1.1.6.1");
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, PlantedPhi.InstanceUid);
        ds.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, PlantedPhi.StudyUid);
        ds.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, PlantedPhi.SeriesUid);
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "US");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Plantdoe^Jane");
        ds.AddOrUpdate(DicomTags.Rows, DicomVR.US, rows.ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTags.Columns, DicomVR.US, columns.ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, samples.ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, photometric);
        ds.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        ds.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, "8");
        ds.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "7");
        ds.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, "0");
        if (frames > 1)
        {
            ds.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, frames.ToString(CultureInfo.InvariantCulture));
        }

        var region = new DicomDataset();
        region.AddOrUpdate(DicomTags.RegionSpatialFormat, DicomVR.US, "1");
        region.AddOrUpdate(DicomTags.RegionLocationMinX0, DicomVR.UL, "0");
        region.AddOrUpdate(DicomTags.RegionLocationMinY0, DicomVR.UL, "8");
        region.AddOrUpdate(DicomTags.RegionLocationMaxX1, DicomVR.UL, (columns - 1).ToString(CultureInfo.InvariantCulture));
        region.AddOrUpdate(DicomTags.RegionLocationMaxY1, DicomVR.UL, (rows - 1).ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(new DicomSequence(DicomTags.SequenceOfUltrasoundRegions, [region]));
        return ds;
    }

    private static DicomFragmentSequence Fragments(byte[] frame) =>
        new(DicomTags.PixelData, DicomVR.OB, [DicomFragment.FromBytes(Array.Empty<byte>()), DicomFragment.FromBytes(frame.Length % 2 == 0 ? frame : [.. frame, 0])]);

    /// <summary>A 16x16 gray baseline JPEG with standard tables (made with Pillow/libjpeg, quality 75).</summary>
    private const string TinyJpeg =
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAx"
        + "NDQ0Hyc5PTgyPC4zNDL/wAALCAAQABABAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF"
        + "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW"
        + "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi"
        + "4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/AMfwto4Rowi7iEUEg/fwfxx3yO34ivQdQvoPDXhC81BryOyuGBit5yQ+yV/lXK4y"
        + "yrw5ADEqhIVsYqh4U0hWgQY3EhQ3AwR1wB3/AEHOfesD4m+KL469d+HdOjjS2hto7O5f5EnBm2yHYVbds2oqtgbeSGByhH//2Q==";
}
