using System.Buffers;
using System.Buffers.Binary;
using Uplink.Dicom;
using Uplink.Dicom.Imaging.Cleaning;
using Uplink.Dicom.Imaging.Encapsulated;
using Uplink.Dicom.Imaging.Native;
using Uplink.Dicom.Imaging.Rle;
using Uplink.Tests.Shared;

namespace Uplink.Dicom.Imaging.Tests.Cleaning;

public sealed class PixelDataCleanerTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> NativeSyntaxes => new() { "1.2.840.10008.1.2.1", "1.2.840.10008.1.2" };

    [Theory]
    [MemberData(nameof(NativeSyntaxes))]
    public void A_native_clip_on_disk_is_cleaned_frame_by_frame_into_a_temporary_file(string syntax)
    {
        var geometry = TestImages.Geometry(Photometric.Rgb, columns: 40, rows: 30, frames: 5);
        var (file, frames) = NativeClip(geometry, DicomTransferSyntax.Lookup(syntax));
        using var _ = file;
        var area = new KeptArea(40, 30, [new PixelRectangle(5, 8, 30, 25)]);

        var result = new PixelDataCleaner().Clean(file, geometry, area, _temp.Path);

        var element = Assert.IsType<DicomElement>(result.PixelData);
        Assert.True(element.IsBulk);
        Assert.StartsWith(_temp.Path, result.TemporaryFile, StringComparison.Ordinal);
        Assert.Equal(5, result.FrameCount);
        Assert.Same(area, result.KeptArea);
        Assert.Equal(Blanked(frames, geometry, area), ReadAll(element));
    }

    [Fact]
    public void The_cleaned_pixel_data_writes_and_reads_back_as_a_valid_file()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2, bits: 16, bitsStored: 12, columns: 33, rows: 9, frames: 3);
        var (file, frames) = NativeClip(geometry, DicomTransferSyntax.ExplicitVRLittleEndian);
        using var _ = file;
        var area = new KeptArea(33, 9, [new PixelRectangle(0, 3, 32, 8)]);
        var result = new PixelDataCleaner().Clean(file, geometry, area, _temp.Path);
        var output = file.Dataset.Clone();
        output.AddOrUpdate(result.PixelData);
        var path = Path.Combine(_temp.Path, "out.dcm");
        using (var cleaned = new DicomFile(output, DicomTransferSyntax.ExplicitVRLittleEndian))
        {
            cleaned.Save(path);
        }

        using var reread = DicomFile.Open(path);

        Assert.Equal(Blanked(frames, geometry, area), ReadAll(Assert.IsType<DicomElement>(reread.Dataset.Get(DicomTags.PixelData))));
    }

    [Fact]
    public void A_big_endian_source_is_cleaned_from_the_bytes_the_reader_swapped()
    {
        if (ExternalTool.AbsentReason("dcmconv") is { } absent)
        {
            Assert.Skip(absent);
        }

        var geometry = TestImages.Geometry(Photometric.Monochrome2, bits: 16, columns: 20, rows: 10, frames: 2);
        var (file, frames) = NativeClip(geometry, DicomTransferSyntax.ExplicitVRLittleEndian);
        var bigEndian = Path.Combine(_temp.Path, "big.dcm");
        ExternalTool.Run("dcmconv", "+tb", file.Dataset.Get(DicomTags.PixelData) is DicomElement { Bulk: { } bulk } ? bulk.Path : throw new InvalidOperationException(), bigEndian);
        file.Dispose();
        using var source = DicomFile.Open(bigEndian, new DicomReadOptions { BulkDataThreshold = 256 });
        Assert.False(source.TransferSyntax.IsLittleEndian);
        var area = new KeptArea(20, 10, [new PixelRectangle(2, 2, 17, 7)]);

        var result = new PixelDataCleaner().Clean(source, geometry, area, _temp.Path);

        Assert.Equal(Blanked(frames, geometry, area), ReadAll(Assert.IsType<DicomElement>(result.PixelData)));
    }

    [Fact]
    public void An_RLE_clip_is_cleaned_losslessly_with_a_rebuilt_offset_table()
    {
        var geometry = TestImages.Geometry(Photometric.YbrFull, planar: 1, columns: 48, rows: 20, frames: 3);
        var frames = Enumerable.Range(0, 3).Select(i => TestImages.RandomFrame(geometry.WithFrames(1), 20 + i)).ToArray();
        var dataset = TestImages.Dataset(geometry);
        dataset.AddOrUpdate(TestImages.RleSequence(geometry, frames));
        using var source = TestImages.SaveAndOpen(dataset, DicomTransferSyntax.RleLossless, _temp.Path);
        var area = new KeptArea(48, 20, [new PixelRectangle(10, 4, 40, 18)]);

        var result = new PixelDataCleaner().Clean(source, geometry, area, _temp.Path);

        var sequence = Assert.IsType<DicomFragmentSequence>(result.PixelData);
        var index = EncapsulatedFrameIndex.Build(sequence, 3, scanForEndOfImage: false);
        Assert.True(index.FromOffsetTable);
        Assert.All(sequence.Fragments.Skip(1), f => Assert.Equal(0, f.Length % 2));
        var decoded = new byte[geometry.TotalLength];
        for (var f = 0; f < 3; f++)
        {
            RleCodec.Decode(index.ReadFrame(f), geometry, decoded.AsSpan((int)(f * geometry.FrameLength), (int)geometry.FrameLength), f);
        }

        Assert.Equal(Blanked(frames.SelectMany(f => f).ToArray(), geometry, area), decoded);
    }

    [Fact]
    public void A_corpus_RLE_ultrasound_image_is_cleaned()
    {
        var corpus = RepositoryLayout.Shared("dicom-corpus");
        var path = corpus is null ? null : Path.Combine(corpus, "us", "mindray_ybr_full_rle_burned_in.dcm");
        Assert.SkipWhen(path is null || !File.Exists(path), "The corpus file mindray_ybr_full_rle_burned_in.dcm is not on this machine.");
        using var source = DicomFile.Open(path!);
        var geometry = ImageGeometry.FromDataset(source.Dataset);
        var area = new KeptArea(geometry.Columns, geometry.Rows, [new PixelRectangle(100, 100, 900, 700)]);

        var result = new PixelDataCleaner().Clean(source, geometry, area, _temp.Path);

        var original = new byte[geometry.FrameLength];
        RleCodec.Decode(EncapsulatedFrameIndex.Build((DicomFragmentSequence)source.Dataset.Get(DicomTags.PixelData)!, 1, false).ReadFrame(0), geometry, original, 0);
        var cleaned = new byte[geometry.FrameLength];
        RleCodec.Decode(EncapsulatedFrameIndex.Build((DicomFragmentSequence)result.PixelData, 1, false).ReadFrame(0), geometry, cleaned, 0);
        NativeFrameBlanker.Blank(original, geometry, area);
        Assert.Equal(original, cleaned);
    }

    [Fact]
    public void A_transfer_syntax_without_a_cleaner_is_refused_by_name()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2);
        var dataset = TestImages.Dataset(geometry);
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, [DicomFragment.FromBytes(Array.Empty<byte>()), DicomFragment.FromBytes(new byte[] { 0xFF, 0xD8 })]));
        using var file = new DicomFile(dataset, DicomTransferSyntax.Lookup("1.2.840.10008.1.2.4.80"));

        var error = Assert.Throws<PixelDataException>(() => new PixelDataCleaner().Clean(file, geometry, new KeptArea(16, 8, []), _temp.Path));

        Assert.StartsWith("JPEG-LS Lossless", error.Message, StringComparison.Ordinal);
        Assert.Contains("(1.2.840.10008.1.2.4.80) cannot be cleaned", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Native_pixel_data_shorter_than_its_frames_is_refused_and_leaves_no_temporary_file()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2, frames: 4);
        var dataset = TestImages.Dataset(geometry);
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[300]));
        using var file = new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

        var error = Assert.Throws<PixelDataException>(() => new PixelDataCleaner().Clean(file, geometry, new KeptArea(16, 8, []), _temp.Path));

        Assert.Contains("300", error.Message, StringComparison.Ordinal);
        Assert.Contains("512", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path, "uplink-pixels-*"));
    }

    [Fact]
    public void A_hostile_RLE_frame_is_refused_naming_the_frame()
    {
        var geometry = TestImages.Geometry(Photometric.Monochrome2, frames: 2);
        var dataset = TestImages.Dataset(geometry);
        var good = new ArrayBufferWriter<byte>();
        RleCodec.Encode(new byte[geometry.FrameLength], geometry, good);
        var bad = good.WrittenSpan.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bad.AsSpan(4), 4000);
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, [DicomFragment.FromBytes(Array.Empty<byte>()), DicomFragment.FromBytes(good.WrittenSpan.ToArray()), DicomFragment.FromBytes(bad)]));
        using var file = new DicomFile(dataset, DicomTransferSyntax.RleLossless);

        var error = Assert.Throws<PixelDataException>(() => new PixelDataCleaner().Clean(file, geometry, new KeptArea(16, 8, []), _temp.Path));

        Assert.StartsWith("Frame 1: RLE frame, segment 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaning_a_clip_holds_about_one_frame_in_memory()
    {
        var geometry = TestImages.Geometry(Photometric.Rgb, columns: 640, rows: 480, frames: 40);
        var frame = TestImages.RandomFrame(geometry.WithFrames(1), 1);
        var path = Path.Combine(_temp.Path, "clip.dcm");
        var dataset = TestImages.Dataset(geometry);
        var raw = Path.Combine(_temp.Path, "clip.raw");
        using (var stream = File.Create(raw))
        {
            for (var i = 0; i < 40; i++)
            {
                stream.Write(frame);
            }
        }

        dataset.AddOrUpdate(DicomElement.FromBulk(DicomTags.PixelData, DicomVR.OB, new BulkDataReference(raw, 0, geometry.TotalLength)));
        using (var file = new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian))
        {
            file.Save(path);
        }

        using var source = DicomFile.Open(path);
        var area = new KeptArea(640, 480, [new PixelRectangle(0, 60, 639, 479)]);
        // This thread's allocations only: other test classes run in parallel.
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = new PixelDataCleaner().Clean(source, geometry, area, _temp.Path);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4 * geometry.FrameLength, $"{allocated} bytes allocated to clean {geometry.TotalLength} bytes of frames of {geometry.FrameLength}.");
        Assert.Equal(geometry.TotalLength, new FileInfo(result.TemporaryFile).Length);
    }

    private (DicomFile File, byte[] Frames) NativeClip(ImageGeometry geometry, DicomTransferSyntax syntax)
    {
        var frames = Enumerable.Range(0, geometry.NumberOfFrames).SelectMany(i => TestImages.RandomFrame(geometry.WithFrames(1), 100 + i)).ToArray();
        var dataset = TestImages.Dataset(geometry);
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, geometry.IsEightBit ? DicomVR.OB : DicomVR.OW, frames));
        var path = Path.Combine(_temp.Path, Guid.NewGuid().ToString("N") + ".dcm");
        using (var writer = new DicomFile(dataset, syntax))
        {
            writer.Save(path);
        }

        return (DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = 256 }), frames);
    }

    private static byte[] Blanked(byte[] frames, ImageGeometry geometry, KeptArea area)
    {
        var copy = (byte[])frames.Clone();
        for (var f = 0; f < geometry.NumberOfFrames; f++)
        {
            NativeFrameBlanker.Blank(copy.AsSpan((int)(f * geometry.FrameLength), (int)geometry.FrameLength), geometry, area);
        }

        return copy;
    }

    private static byte[] ReadAll(DicomElement element)
    {
        using var stream = element.OpenValue();
        var bytes = new byte[element.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
