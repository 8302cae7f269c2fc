using System.Buffers;
using System.Buffers.Binary;
using Uplink.Dicom;
using Uplink.Dicom.Imaging.Encapsulated;
using Uplink.Dicom.Imaging.Rle;
using Uplink.Tests.Shared;

namespace Uplink.Dicom.Imaging.Tests.Rle;

public sealed class RleCodecTests
{
    public static TheoryData<Photometric, int, int> Geometries => new()
    {
        { Photometric.Monochrome2, 8, 0 },
        { Photometric.Monochrome2, 16, 0 },
        { Photometric.Rgb, 8, 0 },
        { Photometric.Rgb, 8, 1 },
        { Photometric.YbrFull, 16, 0 },
        { Photometric.YbrFull, 16, 1 },
        { Photometric.PaletteColor, 8, 0 },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void A_frame_survives_encode_and_decode_bit_for_bit(Photometric photometric, int bits, int planar)
    {
        var geometry = TestImages.Geometry(photometric, bits, planar, columns: 300, rows: 7);
        var frame = TestImages.RandomFrame(geometry, 11);
        // Runs as well as noise: flat stretches longer than 128 bytes and of two bytes.
        frame.AsSpan(100, 400).Fill(0x42);
        frame.AsSpan(600, 2).Fill(0x17);
        var encoded = new ArrayBufferWriter<byte>();

        RleCodec.Encode(frame, geometry, encoded);
        var decoded = new byte[geometry.FrameLength];
        RleCodec.Decode(encoded.WrittenSpan, geometry, decoded, 0);

        Assert.Equal(frame, decoded);
        Assert.Equal(0, encoded.WrittenCount % 2);
        Assert.Equal((uint)(geometry.SamplesPerPixel * geometry.BytesPerSample), BinaryPrimitives.ReadUInt32LittleEndian(encoded.WrittenSpan));
    }

    [Fact]
    public void Every_segment_has_an_even_length_and_no_run_crosses_a_row()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2, columns: 3, rows: 2);
        var encoded = new ArrayBufferWriter<byte>();

        RleCodec.Encode(new byte[6], geometry, encoded);

        // Two rows of three zeros: a repeat run per row (FE 00 FE 00), not one run of six.
        Assert.Equal(new byte[] { 0xFE, 0x00, 0xFE, 0x00 }, encoded.WrittenSpan[64..].ToArray());
    }

    [Fact]
    public void A_segment_count_that_disagrees_with_the_geometry_is_refused()
    {
        var geometry = TestImages.Geometry(Photometric.Rgb);
        var frame = Encode(TestImages.Geometry(Photometric.Monochrome2), new byte[128]);

        var error = Assert.Throws<PixelDataException>(() => RleCodec.Decode(frame, geometry, new byte[geometry.FrameLength], 4));

        Assert.Contains("RLE frame 4 declares 1 segments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_offset_outside_the_frame_is_refused_naming_frame_segment_and_offset()
    {
        var geometry = TestImages.Geometry(Photometric.Rgb);
        var frame = Encode(geometry, TestImages.RandomFrame(geometry, 1));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(12), 1_000_000);

        var error = Assert.Throws<PixelDataException>(() => RleCodec.Decode(frame, geometry, new byte[geometry.FrameLength], 2));

        Assert.Contains("RLE frame 2, segment 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("1000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decreasing_offsets_are_refused()
    {
        var geometry = TestImages.Geometry(Photometric.Rgb);
        var frame = Encode(geometry, TestImages.RandomFrame(geometry, 1));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(12), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), 100);

        var error = Assert.Throws<PixelDataException>(() => RleCodec.Decode(frame, geometry, new byte[geometry.FrameLength], 0));

        Assert.Contains("decrease", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_that_decodes_to_too_few_bytes_is_refused()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2);
        var frame = new byte[66];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = 0xFE; // three bytes of a 128-byte plane

        var error = Assert.Throws<PixelDataException>(() => RleCodec.Decode(frame, geometry, new byte[geometry.FrameLength], 0));

        Assert.Contains("too few", error.Message, StringComparison.Ordinal);
        Assert.Contains("segment 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_that_decodes_to_too_many_bytes_is_refused()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2);
        var frame = new byte[70];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = 0x81; // 128 bytes: the whole plane
        frame[66] = 0xFE; // and three more
        frame[67] = 0x05;

        var error = Assert.Throws<PixelDataException>(() => RleCodec.Decode(frame, geometry, new byte[geometry.FrameLength], 0));

        Assert.Contains("too many", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_literal_run_is_refused_with_its_byte_offset()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2);
        var frame = new byte[68];
        frame[0] = 1;
        frame[4] = 64;
        frame[64] = 0x7F; // 128 literal bytes follow, but only 3 do

        var error = Assert.Throws<PixelDataException>(() => RleCodec.Decode(frame, geometry, new byte[geometry.FrameLength], 0));

        Assert.Contains("frame byte 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_shorter_than_64_bytes_is_refused()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2);

        Assert.Throws<PixelDataException>(() => RleCodec.Decode(new byte[10], geometry, new byte[geometry.FrameLength], 0));
    }

    [Fact]
    public void A_planar_configuration_0_colour_frame_compressed_by_dcmcrle_decodes_to_the_original()
    {
        if (ExternalTool.AbsentReason("dcmcrle") is { } absent)
        {
            Assert.Skip(absent);
        }

        using var temp = new TemporaryFolder();
        var geometry = TestImages.Geometry(Photometric.Rgb, planar: 0, columns: 64, rows: 32, frames: 2);
        var native = TestImages.RandomFrame(geometry.WithFrames(1), 5).Concat(TestImages.RandomFrame(geometry.WithFrames(1), 6)).ToArray();
        var dataset = TestImages.Dataset(geometry);
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, native));
        var input = Path.Combine(temp.Path, "in.dcm");
        var compressed = Path.Combine(temp.Path, "rle.dcm");
        using (var file = new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian))
        {
            file.Save(input);
        }

        ExternalTool.Run("dcmcrle", input, compressed);
        using var rle = DicomFile.Open(compressed);

        var decoded = DecodeAll(rle);

        Assert.Equal(native, decoded);
    }

    [Fact]
    public void Corpus_RLE_files_decode_exactly_as_dcmdrle_does_and_survive_our_round_trip()
    {
        var corpus = RepositoryLayout.Shared("dicom-corpus");
        Assert.SkipWhen(corpus is null, "The shared DICOM corpus is not on this machine.");
        var files = Directory.GetFiles(Path.Combine(corpus!, "us"), "*rle*.dcm");
        Assert.SkipWhen(files.Length == 0, "No RLE files in the corpus.");
        var dcmdrle = ExternalTool.AbsentReason("dcmdrle");
        using var temp = new TemporaryFolder();
        foreach (var path in files)
        {
            using var source = DicomFile.Open(path);
            if (!source.TransferSyntax.Uid.Equals(RleCodec.TransferSyntaxUid, StringComparison.Ordinal))
            {
                continue;
            }

            var geometry = ImageGeometry.FromDataset(source.Dataset);
            var decoded = DecodeAll(source);
            var reencoded = new ArrayBufferWriter<byte>();
            var again = new byte[geometry.FrameLength];
            for (var f = 0; f < geometry.NumberOfFrames; f++)
            {
                var frame = decoded.AsSpan((int)(f * geometry.FrameLength), (int)geometry.FrameLength);
                reencoded.ResetWrittenCount();
                RleCodec.Encode(frame, geometry, reencoded);
                RleCodec.Decode(reencoded.WrittenSpan, geometry, again, f);
                Assert.True(frame.SequenceEqual(again), $"{Path.GetFileName(path)} frame {f} changed in our round trip.");
            }

            if (dcmdrle is null)
            {
                var output = Path.Combine(temp.Path, Path.GetFileName(path));
                ExternalTool.Run("dcmdrle", path, output);
                using var reference = DicomFile.Open(output, new DicomReadOptions { BulkDataThreshold = int.MaxValue });
                var expected = Assert.IsType<DicomElement>(reference.Dataset.Get(DicomTags.PixelData)).Bytes[..decoded.Length].ToArray();
                Assert.True(expected.AsSpan().SequenceEqual(decoded), $"{Path.GetFileName(path)} decodes differently from dcmdrle.");
            }
        }
    }

    private static byte[] DecodeAll(DicomFile file)
    {
        var geometry = ImageGeometry.FromDataset(file.Dataset);
        var index = EncapsulatedFrameIndex.Build(Assert.IsType<DicomFragmentSequence>(file.Dataset.Get(DicomTags.PixelData)), geometry.NumberOfFrames, false);
        var output = new byte[geometry.TotalLength];
        for (var f = 0; f < index.FrameCount; f++)
        {
            RleCodec.Decode(index.ReadFrame(f), geometry, output.AsSpan((int)(f * geometry.FrameLength), (int)geometry.FrameLength), f);
        }

        return output;
    }

    private static byte[] Encode(ImageGeometry geometry, byte[] frame)
    {
        var writer = new ArrayBufferWriter<byte>();
        RleCodec.Encode(frame, geometry, writer);
        return writer.WrittenSpan.ToArray();
    }
}
