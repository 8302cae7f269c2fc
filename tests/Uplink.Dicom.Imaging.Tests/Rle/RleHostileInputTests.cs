using System.Buffers;
using Uplink.Dicom.Imaging.Cleaning;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Dicom.Imaging.Tests.Rle;

/// <summary>Mutated RLE frames either decode or fail with a <see cref="PixelDataException"/>; nothing else escapes.</summary>
public sealed class RleHostileInputTests
{
    [Fact]
    public void Thousands_of_mutated_frames_never_throw_anything_but_a_pixel_data_exception()
    {
        var geometry = TestImages.Geometry(Photometric.Rgb, bits: 16, columns: 24, rows: 6);
        var frame = TestImages.RandomFrame(geometry, 9);
        frame.AsSpan(0, 200).Clear();
        var encoded = new ArrayBufferWriter<byte>();
        RleCodec.Encode(frame, geometry, encoded);
        var original = encoded.WrittenSpan.ToArray();
        var random = new Random(1234);
        var output = new byte[geometry.FrameLength];
        var refused = 0;
        for (var trial = 0; trial < 5000; trial++)
        {
            var mutated = Mutate(original, random);
            try
            {
                RleCodec.Decode(mutated, geometry, output, trial);
                new RleFrameCleaner().CleanFrame(mutated, geometry, new KeptArea(24, 6, [new PixelRectangle(2, 2, 20, 4)]), new ArrayBufferWriter<byte>());
            }
            catch (PixelDataException)
            {
                refused++;
            }
        }

        Assert.InRange(refused, 1000, 5000);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = random.Next(4) == 0 ? original[..random.Next(original.Length)] : (byte[])original.Clone();
        var changes = 1 + random.Next(4);
        for (var c = 0; c < changes && bytes.Length > 0; c++)
        {
            // Header offsets half of the time: that is where the hostile inputs aim.
            var at = random.Next(2) == 0 ? random.Next(Math.Min(64, bytes.Length)) : random.Next(bytes.Length);
            bytes[at] = (byte)random.Next(256);
        }

        return bytes;
    }
}
