using Uplink.Output.Tricefy.Preflight;

namespace Uplink.Plugins.Tests.Outputs.Tricefy.Preflight;

public sealed class RleDecoderTests
{
    private static readonly PixelGeometry Mono16 = new(1, 4, 1, 16, 0, 1);

    [Fact]
    public void DecodeFrame_SixteenBit_PutsTheFirstSegmentInTheHighByte()
    {
        // Segment 1 (high bytes): literal run 0x01 0x02 0x03 0x04; segment 2 (low bytes): 0xAA repeated 4 times.
        var frame = Frame([0x03, 0x01, 0x02, 0x03, 0x04], [0xFD, 0xAA]);
        var output = new byte[8];

        RleDecoder.DecodeFrame(frame, Mono16, output, 1);

        Assert.Equal(new byte[] { 0xAA, 0x01, 0xAA, 0x02, 0xAA, 0x03, 0xAA, 0x04 }, output);
    }

    [Fact]
    public void DecodeFrame_ColourByPixel_InterleavesTheThreeSamples()
    {
        var rgb = new PixelGeometry(1, 2, 3, 8, 0, 1);
        var frame = Frame([0xFF, 0x10], [0xFF, 0x20], [0x01, 0x30, 0x31]);
        var output = new byte[6];

        RleDecoder.DecodeFrame(frame, rgb, output, 1);

        Assert.Equal(new byte[] { 0x10, 0x20, 0x30, 0x10, 0x20, 0x31 }, output);
    }

    [Fact]
    public void DecodeFrame_ColourByPlane_KeepsThePlanes()
    {
        var rgb = new PixelGeometry(1, 2, 3, 8, 1, 1);
        var frame = Frame([0xFF, 0x10], [0xFF, 0x20], [0x01, 0x30, 0x31]);
        var output = new byte[6];

        RleDecoder.DecodeFrame(frame, rgb, output, 1);

        Assert.Equal(new byte[] { 0x10, 0x10, 0x20, 0x20, 0x30, 0x31 }, output);
    }

    [Fact]
    public void DecodeFrame_MinusOneTwentyEight_IsANoOp()
    {
        var frame = Frame([0x80, 0x03, 0x01, 0x02, 0x03, 0x04], [0xFD, 0x00]);
        var output = new byte[8];

        RleDecoder.DecodeFrame(frame, Mono16, output, 1);

        Assert.Equal(new byte[] { 0x00, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04 }, output);
    }

    [Fact]
    public void DecodeFrame_WrongSegmentCount_SaysWhatTheGeometryNeeds()
    {
        var frame = Frame([0x03, 0x01, 0x02, 0x03, 0x04]);

        var error = Assert.Throws<InvalidDataException>(() => RleDecoder.DecodeFrame(frame, Mono16, new byte[8], 7));

        Assert.Contains("frame 7 has 1 segments", error.Message, StringComparison.Ordinal);
        Assert.Contains("need 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeFrame_RunPastThePlane_IsRefusedNamingTheSegment()
    {
        var frame = Frame([0xF0, 0x01], [0xFD, 0x00]);

        var error = Assert.Throws<InvalidDataException>(() => RleDecoder.DecodeFrame(frame, Mono16, new byte[8], 1));

        Assert.Contains("segment 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeFrame_ShortSegment_SaysHowManyBytesItGave()
    {
        var frame = Frame([0x01, 0x01, 0x02], [0xFD, 0x00]);

        var error = Assert.Throws<InvalidDataException>(() => RleDecoder.DecodeFrame(frame, Mono16, new byte[8], 1));

        Assert.Contains("decodes to 2 bytes", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Frame(params byte[][] segments)
    {
        var header = new byte[64];
        BitConverter.TryWriteBytes(header.AsSpan(0), (uint)segments.Length);
        var offset = 64;
        for (var i = 0; i < segments.Length; i++)
        {
            BitConverter.TryWriteBytes(header.AsSpan(4 + (4 * i)), (uint)offset);
            offset += segments[i].Length;
        }

        return [.. header, .. segments.SelectMany(s => s)];
    }
}
