using CsCheck;
using Uplink.Dicom.Imaging.Jpeg;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

public sealed class JpegInternalsTests
{
    [Fact]
    public void The_mcu_map_keeps_exactly_the_mcus_the_kept_area_contains_whole()
    {
        var rectangle = Gen.Select(Gen.Int[-5, 70], Gen.Int[-5, 50], Gen.Int[0, 60], Gen.Int[0, 40])
            .Select((x, y, w, h) => new PixelRectangle(x, y, x + w, y + h));
        Gen.Select(rectangle.Array[0, 4], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 67], Gen.Int[1, 45])
            .Sample((rectangles, h, v, columns, rows) =>
            {
                var area = new KeptArea(columns, rows, rectangles);
                var (width, height) = (8 * h, 8 * v);
                var mcuColumns = (columns + width - 1) / width;
                var kept = new bool[mcuColumns * ((rows + height - 1) / height)];

                var effective = new KeptArea(columns, rows, JpegMcuMap.Compute(area, width, height, kept));

                for (var i = 0; i < kept.Length; i++)
                {
                    var x0 = i % mcuColumns * width;
                    var y0 = i / mcuColumns * height;
                    var footprint = new PixelRectangle(x0, y0, x0 + width - 1, y0 + height - 1).ClipTo(columns, rows)!.Value;
                    Assert.Equal(area.ContainsWhole(footprint), kept[i]);
                    Assert.Equal(kept[i], effective.ContainsWhole(footprint));
                }

                Assert.All(effective.Rectangles, r => Assert.True(area.ContainsWhole(r)));
            }, iter: 500);
    }

    [Fact]
    public void Optimal_huffman_tables_stay_within_16_bits_and_never_use_the_all_ones_code()
    {
        var skewed = new long[256];
        long a = 1, b = 1;
        for (var i = 0; i < 40; i++)
        {
            skewed[i] = a;
            (a, b) = (b, a + b);
        }

        foreach (var frequencies in new[] { skewed, OneSymbol(), Enumerable.Repeat(7L, 256).ToArray() })
        {
            var table = JpegHuffmanEncodeTable.Optimal(frequencies);

            Assert.Equal(frequencies.Count(f => f > 0), table.Values.Length);
            Assert.Equal(table.Values.Length, table.Counts.Sum(c => c));
            var kraft = table.Counts.Select((count, i) => count / Math.Pow(2, i + 1)).Sum();
            Assert.True(kraft < 1, "the all-ones code must stay free");
            foreach (var symbol in table.Values)
            {
                Assert.InRange(table.Sizes[symbol], 1, 16);
            }
        }
    }

    private static long[] OneSymbol()
    {
        var frequencies = new long[256];
        frequencies[0] = 100;
        return frequencies;
    }
}
