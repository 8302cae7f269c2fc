using System.Buffers.Binary;
using Uplink.Dicom;
using Uplink.Dicom.Imaging.Encapsulated;

namespace Uplink.Dicom.Imaging.Tests.Encapsulated;

public sealed class EncapsulatedFrameIndexTests
{
    [Fact]
    public void The_basic_offset_table_groups_fragments_into_frames()
    {
        var fragments = Fragments([1, 2, 3], [4, 5], [6, 7, 8, 9]);
        // Frame 0: fragments 0 and 1 (8+3 + 8+2 = 21 bytes); frame 1 starts at 21.
        var sequence = Sequence(Table(0, 21), fragments);

        var index = EncapsulatedFrameIndex.Build(sequence, 2, scanForEndOfImage: false);

        Assert.True(index.FromOffsetTable);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, index.ReadFrame(0));
        Assert.Equal(new byte[] { 6, 7, 8, 9 }, index.ReadFrame(1));
    }

    [Fact]
    public void Without_a_table_one_fragment_per_frame_is_taken_when_the_counts_match()
    {
        var index = EncapsulatedFrameIndex.Build(Sequence([], Fragments([1, 2], [3, 4], [5, 6])), 3, scanForEndOfImage: false);

        Assert.Equal(new byte[] { 3, 4 }, index.ReadFrame(1));
    }

    [Fact]
    public void Without_a_table_jpeg_frames_split_over_fragments_are_cut_after_each_end_of_image_marker()
    {
        var sequence = Sequence([], Fragments([0xFF, 0xD8, 1, 2], [3, 0xFF, 0xD9, 0x00], [0xFF, 0xD8, 5, 6], [0xFF, 0xD9]));

        var index = EncapsulatedFrameIndex.Build(sequence, 2, scanForEndOfImage: true);

        Assert.Equal(new byte[] { 0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9, 0x00 }, index.ReadFrame(0));
        Assert.Equal(2, index.FragmentsOf(1).Count);
    }

    [Fact]
    public void A_single_frame_takes_every_fragment()
    {
        var index = EncapsulatedFrameIndex.Build(Sequence([], Fragments([1, 2], [3, 4])), 1, scanForEndOfImage: false);

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, index.ReadFrame(0));
    }

    [Theory]
    [InlineData(new uint[] { 0, 9999 }, "9999")]
    [InlineData(new uint[] { 0, 5 }, "not the start of a fragment")]
    [InlineData(new uint[] { 4, 10 }, "must be 0")]
    [InlineData(new uint[] { 0, 0 }, "does not increase")]
    [InlineData(new uint[] { 0 }, "1 offsets for 2 frames")]
    public void Hostile_offsets_are_refused_with_what_is_wrong(uint[] offsets, string expected)
    {
        var sequence = Sequence(Table(offsets), Fragments([1, 2], [3, 4]));

        var error = Assert.Throws<PixelDataException>(() => EncapsulatedFrameIndex.Build(sequence, 2, scanForEndOfImage: false));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragments_that_cannot_be_matched_to_frames_are_refused()
    {
        var sequence = Sequence([], Fragments([1, 2], [3, 4], [5, 6]));

        var error = Assert.Throws<PixelDataException>(() => EncapsulatedFrameIndex.Build(sequence, 2, scanForEndOfImage: false));

        Assert.Contains("3 fragments for 2 frames", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_that_is_not_whole_offsets_is_refused()
    {
        Assert.Throws<PixelDataException>(() => EncapsulatedFrameIndex.Build(Sequence([1, 2, 3], Fragments([1, 2])), 1, scanForEndOfImage: false));
    }

    private static DicomFragment[] Fragments(params byte[][] fragments) => [.. fragments.Select(f => DicomFragment.FromBytes(f))];

    private static byte[] Table(params uint[] offsets)
    {
        var table = new byte[4 * offsets.Length];
        for (var i = 0; i < offsets.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4 * i), offsets[i]);
        }

        return table;
    }

    private static DicomFragmentSequence Sequence(byte[] table, DicomFragment[] fragments)
        => new(DicomTags.PixelData, DicomVR.OB, [DicomFragment.FromBytes(table), .. fragments]);
}
