using Uplink.Dicom.Imaging.Jpeg;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

/// <summary>Checks a cleaning with LibJpeg.NET only: kept blocks' coefficients, blanked pixels.</summary>
internal static class JpegCleaningAssertions
{
    public const int Tolerance = 2;

    /// <summary>Asserts every block wholly inside the effective area kept its coefficients exactly.</summary>
    /// <param name="source">Source stream.</param>
    /// <param name="output">Cleaned stream.</param>
    /// <param name="effective">Area the cleaner says it kept.</param>
    /// <returns>How many blocks were compared.</returns>
    public static int KeptBlocksIdentical(byte[] source, byte[] output, KeptArea effective)
    {
        var info = JpegFrameInfo.Read(source);
        var hMax = info.Components.Max(c => c.HorizontalSampling);
        var vMax = info.Components.Max(c => c.VerticalSampling);
        var before = LibJpegReference.Coefficients(source);
        var after = LibJpegReference.Coefficients(output);
        Assert.Equal(before.Length, after.Length);
        var compared = 0;
        for (var c = 0; c < before.Length; c++)
        {
            Assert.Equal(before[c].Width, after[c].Width);
            Assert.Equal(before[c].Height, after[c].Height);
            var sx = 8 * hMax / info.Components[c].HorizontalSampling;
            var sy = 8 * vMax / info.Components[c].VerticalSampling;
            for (var by = 0; by < before[c].Height; by++)
            {
                for (var bx = 0; bx < before[c].Width; bx++)
                {
                    var footprint = new PixelRectangle(bx * sx, by * sy, (bx * sx) + sx - 1, (by * sy) + sy - 1).ClipTo(info.Width, info.Height);
                    if (footprint is { } inside && effective.ContainsWhole(inside))
                    {
                        var index = (by * before[c].Width) + bx;
                        Assert.True(before[c].Blocks[index].AsSpan().SequenceEqual(after[c].Blocks[index]), $"component {c} block ({bx},{by}) changed");
                        compared++;
                    }
                }
            }
        }

        return compared;
    }

    /// <summary>Asserts every pixel outside the effective area decodes black (chroma neutral).</summary>
    /// <param name="output">Cleaned stream.</param>
    /// <param name="effective">Area the cleaner says it kept.</param>
    /// <param name="rgb">All components must be black (RGB coded) rather than chroma neutral.</param>
    /// <returns>How many pixels were checked.</returns>
    public static int OutsideIsBlack(byte[] output, KeptArea effective, bool rgb = false)
    {
        var (width, height, components, samples) = LibJpegReference.DecodeRaw(output);
        var checkedPixels = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (effective.IsKept(x, y))
                {
                    continue;
                }

                checkedPixels++;
                var at = ((y * width) + x) * components;
                Assert.True(samples[at] <= Tolerance, $"pixel ({x},{y}) luma not black");
                for (var c = 1; c < components; c++)
                {
                    var expected = rgb ? 0 : 128;
                    Assert.True(Math.Abs(samples[at + c] - expected) <= Tolerance, $"pixel ({x},{y}) component {c} not {expected}");
                }
            }
        }

        return checkedPixels;
    }

    /// <summary>Counts RSTn markers in a stream.</summary>
    /// <param name="jpeg">The stream.</param>
    /// <returns>The count.</returns>
    public static int RestartMarkers(byte[] jpeg)
    {
        var count = 0;
        for (var i = 0; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is >= 0xD0 and <= 0xD7)
            {
                count++;
            }
        }

        return count;
    }
}
