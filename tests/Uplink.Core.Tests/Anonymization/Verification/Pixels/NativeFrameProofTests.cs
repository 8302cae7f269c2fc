using System.Buffers.Binary;
using Uplink.Core.Anonymization.Verification.Pixels;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Native;

namespace Uplink.Core.Tests.Anonymization.Verification.Pixels;

public sealed class NativeFrameProofTests
{
    private static readonly KeptArea Area = new(16, 8, [new PixelRectangle(3, 2, 10, 5)]);

    public static TheoryData<Photometric, int, int, int, bool> Cases => new()
    {
        { Photometric.Monochrome2, 8, 8, 0, false },
        { Photometric.Monochrome2, 16, 12, 0, true },
        { Photometric.Monochrome1, 8, 8, 0, false },
        { Photometric.Monochrome1, 16, 12, 0, true },
        { Photometric.Rgb, 8, 8, 0, false },
        { Photometric.Rgb, 8, 8, 1, false },
        { Photometric.Rgb, 16, 16, 1, false },
        { Photometric.YbrFull, 8, 8, 0, false },
        { Photometric.YbrFull, 16, 16, 1, false },
        { Photometric.YbrFull422, 8, 8, 0, false },
        { Photometric.YbrFull422, 16, 16, 0, false },
        { Photometric.PaletteColor, 8, 8, 0, false },
        { Photometric.PaletteColor, 16, 16, 0, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_correctly_blanked_frame_passes(Photometric photometric, int bits, int stored, int planar, bool signed)
    {
        var (geometry, source) = Frame(photometric, bits, stored, planar, signed);
        var output = (byte[])source.Clone();
        NativeFrameBlanker.Blank(output, geometry, Area);
        var violations = new List<string>();

        NativeFrameProof.Check(source, output, geometry, Area, violations, 0);

        Assert.Empty(violations);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_frame_left_unblanked_fails_with_the_frame_and_position(Photometric photometric, int bits, int stored, int planar, bool signed)
    {
        var (geometry, source) = Frame(photometric, bits, stored, planar, signed);
        var violations = new List<string>();

        NativeFrameProof.Check(source, source, geometry, Area, violations, 3);

        var violation = Assert.Single(violations);
        Assert.StartsWith("Frame 3:", violation, StringComparison.Ordinal);
        Assert.Contains("not black", violation, StringComparison.Ordinal);
        Assert.Contains("column 0, row 0", violation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_changed_kept_pixel_fails(Photometric photometric, int bits, int stored, int planar, bool signed)
    {
        var (geometry, source) = Frame(photometric, bits, stored, planar, signed);
        var output = (byte[])source.Clone();
        NativeFrameBlanker.Blank(output, geometry, Area);
        // Pixel (4, 3) is inside: flip the low bit of its first sample.
        var index = geometry.Photometric == Photometric.YbrFull422 ? ((3 * 16 / 2) + 2) * 4 : ((3 * 16) + 4) * (geometry.PlanarConfiguration == 1 ? 1 : geometry.SamplesPerPixel);
        output[index * geometry.BytesPerSample] ^= 1;
        var violations = new List<string>();

        NativeFrameProof.Check(source, output, geometry, Area, violations, 0);

        var violation = Assert.Single(violations);
        Assert.Contains("differ from the source (first at column 4, row 3)", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_outside_pixel_left_in_an_otherwise_clean_frame_fails()
    {
        var (geometry, source) = Frame(Photometric.Rgb, 8, 8, 1, false);
        var output = (byte[])source.Clone();
        NativeFrameBlanker.Blank(output, geometry, Area);
        // Blue plane, pixel (15, 7): the last byte.
        output[^1] = 1;
        var violations = new List<string>();

        NativeFrameProof.Check(source, output, geometry, Area, violations, 0);

        Assert.Contains("1 sample(s) outside", Assert.Single(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void MONOCHROME1_blanked_to_zero_is_white_and_fails()
    {
        var (geometry, source) = Frame(Photometric.Monochrome1, 8, 8, 0, false);
        var output = (byte[])source.Clone();
        NativeFrameBlanker.Blank(output, TestGeometry(Photometric.Monochrome2, 8, 8, 0, false), Area);
        var violations = new List<string>();

        NativeFrameProof.Check(source, output, geometry, Area, violations, 0);

        Assert.Contains("not black for MONOCHROME1", Assert.Single(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void YBR_FULL_422_chroma_neutralised_for_a_pair_with_a_kept_pixel_fails()
    {
        var (geometry, source) = Frame(Photometric.YbrFull422, 8, 8, 0, false);
        var output = (byte[])source.Clone();
        NativeFrameBlanker.Blank(output, geometry, Area);
        // Row 2, pair (2, 3): pixel 3 is kept, so its chroma must stay.
        var pair = ((2 * 16) + 2) / 2 * 4;
        output[pair + 2] = 128;
        output[pair + 3] = source[pair + 3] == 128 ? (byte)129 : (byte)128;
        var violations = new List<string>();

        NativeFrameProof.Check(source, output, geometry, Area, violations, 0);

        Assert.Contains("differ from the source (first at column 2, row 2)", Assert.Single(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_sized_frame_is_a_violation_not_a_crash()
    {
        var (geometry, source) = Frame(Photometric.Monochrome2, 8, 8, 0, false);
        var violations = new List<string>();

        NativeFrameProof.Check(source, source.AsSpan(0, 10), geometry, Area, violations, 1);

        Assert.StartsWith("Frame 1:", Assert.Single(violations), StringComparison.Ordinal);
    }

    private static ImageGeometry TestGeometry(Photometric photometric, int bits, int stored, int planar, bool signed)
    {
        var samples = photometric is Photometric.Monochrome1 or Photometric.Monochrome2 or Photometric.PaletteColor ? 1 : 3;
        PaletteLookup? palette = null;
        if (photometric == Photometric.PaletteColor)
        {
            var entries = bits == 8 ? 256 : 1024;
            var red = Enumerable.Range(0, entries).Select(i => (ushort)(200 + (i % 50))).ToArray();
            red[entries / 2] = 0;
            palette = PaletteLookup.Create(0, 16, red, [.. red], [.. red]);
            stored = bits == 8 ? 8 : 10;
        }

        return ImageGeometry.Create(8, 16, samples, bits, stored, stored - 1, signed ? 1 : 0, photometric, planar, 1, palette);
    }

    private static (ImageGeometry Geometry, byte[] Source) Frame(Photometric photometric, int bits, int stored, int planar, bool signed)
    {
        var geometry = TestGeometry(photometric, bits, stored, planar, signed);
        var random = new Random(42);
        var frame = new byte[geometry.FrameLength];
        for (var i = 0; i < frame.Length; i += geometry.BytesPerSample)
        {
            // Never black, so an unblanked pixel is always caught: values from 1 below the top of the range.
            var value = 1 + random.Next((1 << geometry.BitsStored) - 3);
            if (geometry.IsEightBit)
            {
                frame[i] = (byte)value;
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(i), (ushort)value);
            }
        }

        return (geometry, frame);
    }
}
