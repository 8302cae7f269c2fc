using System.Globalization;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Jpeg;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>
/// Proves a JPEG Baseline frame was cleaned as claimed, with LibJpeg.NET and never with the cleaner's own code:
/// (a) the output reads, with the source's size, sampling and quantisation tables; (b) every block whose
/// footprint lies wholly inside the effective kept area has the source's quantised coefficients, exactly;
/// (c) decoded without colour conversion, every pixel outside the kept area is black: luma (every component for
/// RGB-coded frames) at most <see cref="Tolerance"/>.
/// </summary>
/// <remarks>
/// Chroma is checked (neutral 128 ± <see cref="Tolerance"/>) only in chroma blocks that touch no kept pixel: a
/// chroma block that also covers kept pixels legitimately carries image colour, and with a decoder's "fancy"
/// (interpolating) upsampling colour bleeds about one chroma sample into a neighbouring blanked block. The proof
/// decodes with replicating upsampling, so for the MCU-aligned output of the cleaner the check is exact.
/// </remarks>
internal static class JpegFrameProof
{
    /// <summary>Largest level a blanked pixel may decode to (rounding of the flat-block inverse DCT).</summary>
    public const int Tolerance = 2;

    private const int MaximumReports = 8;

    /// <summary>Checks one frame and adds a short violation per finding (frame, component, block; counts, never values).</summary>
    /// <param name="sourceFrame">The source JPEG stream.</param>
    /// <param name="outputFrame">The cleaned JPEG stream as written.</param>
    /// <param name="effective">The area the cleaner says it preserved.</param>
    /// <param name="color">How the components are read.</param>
    /// <param name="violations">Where findings go.</param>
    /// <param name="frameIndex">The frame's index, for the messages.</param>
    /// <param name="requested">
    /// The area the cleaner was asked to keep, when known: the effective area must lie inside it, otherwise a
    /// cleaner that over-claims would exempt banner pixels from the black check.
    /// </param>
    public static void Check(ReadOnlySpan<byte> sourceFrame, ReadOnlySpan<byte> outputFrame, KeptArea effective, JpegColorModel color, List<string> violations, int frameIndex, KeptArea? requested = null) =>
        Check(sourceFrame, outputFrame, new KeptAreaIndex(effective), color, violations, frameIndex, requested);

    /// <summary>
    /// <see cref="Check(ReadOnlySpan{byte}, ReadOnlySpan{byte}, KeptArea, JpegColorModel, List{string}, int, KeptArea?)"/>
    /// with the effective area's index built once by the caller (a clip's frames share one area; the index is a
    /// Columns × Rows table, too large to rebuild per frame).
    /// </summary>
    /// <param name="sourceFrame">The source JPEG stream.</param>
    /// <param name="outputFrame">The cleaned JPEG stream as written.</param>
    /// <param name="index">The index of the area the cleaner says it preserved.</param>
    /// <param name="color">How the components are read.</param>
    /// <param name="violations">Where findings go.</param>
    /// <param name="frameIndex">The frame's index, for the messages.</param>
    /// <param name="requested">The area the cleaner was asked to keep, when known.</param>
    public static void Check(ReadOnlySpan<byte> sourceFrame, ReadOnlySpan<byte> outputFrame, KeptAreaIndex index, JpegColorModel color, List<string> violations, int frameIndex, KeptArea? requested = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(violations);
        var effective = index.Area;
        if (requested is not null && effective.Rectangles.Any(r => !requested.ContainsWhole(r)))
        {
            violations.Add(Text($"frame {frameIndex}: the effective kept area reaches outside the requested kept area"));
        }

        var source = sourceFrame.ToArray();
        var output = outputFrame.ToArray();
        LibJpegFrame before;
        LibJpegFrame after;
        LibJpegFrame planes;
        try
        {
            before = LibJpegFrame.ReadCoefficients(source);
        }
        catch (PixelDataException error)
        {
            violations.Add(Text($"frame {frameIndex}: source JPEG does not decode ({error.Message})"));
            return;
        }

        try
        {
            after = LibJpegFrame.ReadCoefficients(output);
            // Below the last row with a pixel outside the kept area there is nothing to hold to black; the stream's
            // remainder is still read whole by the coefficient read above (corrupt data there is still found).
            planes = LibJpegFrame.DecodePlanes(output, index.RowsWithOutsidePixels);
        }
        catch (PixelDataException error)
        {
            violations.Add(Text($"frame {frameIndex}: output JPEG does not decode ({error.Message})"));
            return;
        }

        try
        {
            if (!SameFrame(before, after, source, output, effective, color, violations, frameIndex))
            {
                return;
            }

            KeptBlocksUnchanged(before, after, index, violations, frameIndex);
            OutsideIsBlack(planes, index, color, violations, frameIndex);
        }
        finally
        {
            planes.ReturnSamples();
        }
    }

    private static bool SameFrame(LibJpegFrame before, LibJpegFrame after, byte[] source, byte[] output, KeptArea effective, JpegColorModel color, List<string> violations, int frameIndex)
    {
        var count = violations.Count;
        if (after.Warnings > 0)
        {
            // libjpeg repairs corrupt data (a truncated stream is padded with grey) and warns: a written output
            // that needs repairing is not what was cleaned, whatever its pixels.
            violations.Add(Text($"frame {frameIndex}: output JPEG decodes only with {after.Warnings} corrupt-data warning(s)"));
            return false;
        }

        if ((before.Width, before.Height) != (after.Width, after.Height) || (effective.Columns, effective.Rows) != (after.Width, after.Height))
        {
            violations.Add(Text($"frame {frameIndex}: output is {after.Width}x{after.Height}, source {before.Width}x{before.Height}, kept area {effective.Columns}x{effective.Rows}"));
            return false;
        }

        if (after.Components.Length != (color == JpegColorModel.Monochrome ? 1 : 3) || before.Components.Length != after.Components.Length)
        {
            violations.Add(Text($"frame {frameIndex}: output has {after.Components.Length} components, source {before.Components.Length}, colour model {color}"));
            return false;
        }

        var sourceTables = JpegQuantizationTables.Read(source);
        var outputTables = JpegQuantizationTables.Read(output);
        for (var c = 0; c < after.Components.Length; c++)
        {
            var (b, a) = (before.Components[c], after.Components[c]);
            if ((b.Id, b.H, b.V) != (a.Id, a.H, a.V))
            {
                violations.Add(Text($"frame {frameIndex}: component {c} id or sampling differs from the source"));
            }

            if (sourceTables?[b.QuantizationTable] is not { } expected || outputTables?[a.QuantizationTable] is not { } actual || !expected.AsSpan().SequenceEqual(actual))
            {
                violations.Add(Text($"frame {frameIndex}: component {c} quantisation table differs from the source or cannot be read"));
            }
        }

        return violations.Count == count;
    }

    private static void KeptBlocksUnchanged(LibJpegFrame before, LibJpegFrame after, KeptAreaIndex index, List<string> violations, int frameIndex)
    {
        for (var c = 0; c < after.Components.Length; c++)
        {
            var (b, a) = (before.Components[c], after.Components[c]);
            var (sx, sy) = (8 * after.MaxH / a.H, 8 * after.MaxV / a.V);
            var changed = 0;
            for (var row = 0; row < a.HeightInBlocks; row++)
            {
                for (var column = 0; column < a.WidthInBlocks; column++)
                {
                    if (Footprint(column, row, sx, sy, after) is { } footprint
                        && index.Kept(footprint) == footprint.Width * footprint.Height
                        && !b.SameBlock(a, column, row)
                        && ++changed <= MaximumReports)
                    {
                        violations.Add(Text($"frame {frameIndex}: component {c} block row {row} column {column}: kept block's quantised coefficients differ from the source"));
                    }
                }
            }

            if (changed > MaximumReports)
            {
                violations.Add(Text($"frame {frameIndex}: component {c}: {changed - MaximumReports} more kept blocks differ from the source"));
            }
        }
    }

    private static void OutsideIsBlack(LibJpegFrame planes, KeptAreaIndex index, JpegColorModel color, List<string> violations, int frameIndex)
    {
        var (width, height, count) = (planes.Width, planes.Height, planes.Components.Length);
        var samples = planes.Samples;
        for (var c = 0; c < count; c++)
        {
            var component = planes.Components[c];
            var chroma = c > 0 && color == JpegColorModel.YCbCr;
            var target = chroma ? 128 : 0;
            var (sx, sy) = (8 * planes.MaxH / component.H, 8 * planes.MaxV / component.V);
            var reports = 0;
            var more = 0;
            for (var row = 0; row * sy < height; row++)
            {
                for (var column = 0; column * sx < width; column++)
                {
                    var footprint = Footprint(column, row, sx, sy, planes)!.Value;
                    var kept = index.Kept(footprint);
                    if (kept == footprint.Width * footprint.Height || (chroma && kept > 0))
                    {
                        continue;
                    }

                    var wrong = 0;
                    for (var y = footprint.Y0; y <= footprint.Y1; y++)
                    {
                        for (var x = footprint.X0; x <= footprint.X1; x++)
                        {
                            if ((kept == 0 || !index.Area.IsKept(x, y)) && Math.Abs(samples[(((y * width) + x) * count) + c] - target) > Tolerance)
                            {
                                wrong++;
                            }
                        }
                    }

                    if (wrong > 0 && ++reports <= MaximumReports)
                    {
                        violations.Add(Text($"frame {frameIndex}: component {c} block row {row} column {column}: {wrong} pixel(s) outside the kept area are not {(chroma ? "neutral" : "black")} (tolerance {Tolerance})"));
                    }
                    else if (wrong > 0)
                    {
                        more++;
                    }
                }
            }

            if (more > 0)
            {
                violations.Add(Text($"frame {frameIndex}: component {c}: {more} more blocks outside the kept area are not {(chroma ? "neutral" : "black")}"));
            }
        }
    }

    private static PixelRectangle? Footprint(int column, int row, int sx, int sy, LibJpegFrame frame) =>
        new PixelRectangle(column * sx, row * sy, (column * sx) + sx - 1, (row * sy) + sy - 1).ClipTo(frame.Width, frame.Height);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
