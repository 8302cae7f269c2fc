using System.Buffers.Binary;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>
/// Proves one cleaned native frame against its source, without the cleaner's code: outside the kept area every
/// sample is black for the Photometric Interpretation, inside it every sample equals the source. YBR_FULL_422
/// pairs share chroma, so a pair's Cb and Cr must be neutral when both pixels are outside, else equal the source.
/// </summary>
internal static class NativeFrameProof
{
    /// <summary>Checks one frame and appends what is wrong (positions and counts, never pixel values).</summary>
    /// <param name="sourceFrame">The frame before cleaning.</param>
    /// <param name="outputFrame">The frame as written.</param>
    /// <param name="geometry">Their geometry.</param>
    /// <param name="area">The kept area.</param>
    /// <param name="violations">Receives one line per kind of fault.</param>
    /// <param name="frameIndex">The 0-based frame index, for messages.</param>
    public static void Check(ReadOnlySpan<byte> sourceFrame, ReadOnlySpan<byte> outputFrame, ImageGeometry geometry, KeptArea area, List<string> violations, int frameIndex)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(violations);
        if (sourceFrame.Length < geometry.FrameLength || outputFrame.Length < geometry.FrameLength)
        {
            violations.Add($"Frame {frameIndex}: {outputFrame.Length} bytes written and {sourceFrame.Length} read; a frame has {geometry.FrameLength}.");
            return;
        }

        if (area.Columns != geometry.Columns || area.Rows != geometry.Rows)
        {
            violations.Add($"Frame {frameIndex}: the kept area is {area.Columns}x{area.Rows}, the frame {geometry.Columns}x{geometry.Rows}.");
            return;
        }

        var black = new Blackness(geometry);
        var notBlack = new Tally();
        var changed = new Tally();
        if (geometry.Photometric is Photometric.YbrFull422 or Photometric.PaletteColor)
        {
            CheckEverySample(sourceFrame, outputFrame, geometry, area, 0, geometry.Rows, black, notBlack, changed);
        }
        else
        {
            CheckRunByRun(sourceFrame, outputFrame, geometry, area, black, notBlack, changed);
        }

        if (notBlack.Count > 0)
        {
            violations.Add($"Frame {frameIndex}: {notBlack.Count} sample(s) outside the kept area {area} are not black for {geometry.PhotometricInterpretation} (first at column {notBlack.X}, row {notBlack.Y}).");
        }

        if (changed.Count > 0)
        {
            violations.Add($"Frame {frameIndex}: {changed.Count} sample(s) inside the kept area {area} differ from the source (first at column {changed.X}, row {changed.Y}).");
        }
    }

    /// <summary>
    /// The fast path, where every sample of a pixel is laid out alike: each row is split into runs of kept and of
    /// blanked pixels, a kept run compared with the source's bytes and a blanked run with a row of black, as spans.
    /// A run that differs is walked sample by sample, so the counts and positions are the slow path's.
    /// </summary>
    private static void CheckRunByRun(ReadOnlySpan<byte> source, ReadOnlySpan<byte> output, ImageGeometry geometry, KeptArea area, Blackness black, Tally notBlack, Tally changed)
    {
        var bytes = geometry.BitsAllocated / 8;
        var planes = geometry.PlanarConfiguration == 1 ? geometry.SamplesPerPixel : 1;
        var unit = (planes == 1 ? geometry.SamplesPerPixel : 1) * bytes;
        var rowBytes = geometry.Columns * unit;
        var planeBytes = (int)(geometry.PixelsPerFrame * unit);
        var blackRows = new byte[planes][];
        for (var plane = 0; plane < planes; plane++)
        {
            blackRows[plane] = black.Row(geometry.Columns, planes == 1 ? null : plane, bytes);
        }

        var mask = new bool[geometry.Columns];
        for (var y = 0; y < geometry.Rows; y++)
        {
            area.RowMask(y, mask);
            for (var plane = 0; plane < planes; plane++)
            {
                var row = (plane * planeBytes) + (y * rowBytes);
                for (var x = 0; x < geometry.Columns;)
                {
                    var kept = mask[x];
                    var next = mask.AsSpan(x).IndexOf(!kept);
                    var end = next < 0 ? geometry.Columns : x + next;
                    var range = new Range(row + (x * unit), row + (end * unit));
                    var same = kept
                        ? output[range].SequenceEqual(source[range])
                        : output[range].SequenceEqual(blackRows[plane].AsSpan((x * unit)..(end * unit)));
                    if (!same)
                    {
                        CheckEverySample(source, output, geometry, area, y, y + 1, black, notBlack, changed, x, end, planes == 1 ? null : plane);
                    }

                    x = end;
                }
            }
        }
    }

    private static void CheckEverySample(ReadOnlySpan<byte> sourceFrame, ReadOnlySpan<byte> outputFrame, ImageGeometry geometry, KeptArea area, int fromRow, int toRow, Blackness black, Tally notBlack, Tally changed, int fromColumn = 0, int toColumn = int.MaxValue, int? onlyPlane = null)
    {
        var samples = geometry.Photometric == Photometric.YbrFull422 ? 1 : geometry.SamplesPerPixel;
        var pixels = geometry.PixelsPerFrame;
        for (var y = fromRow; y < toRow; y++)
        {
            for (var x = fromColumn; x < Math.Min(toColumn, geometry.Columns); x++)
            {
                var kept = area.IsKept(x, y);
                var pixel = ((long)y * geometry.Columns) + x;
                for (var s = 0; s < samples; s++)
                {
                    if (onlyPlane is { } plane && s != plane)
                    {
                        continue;
                    }

                    var index = geometry.Photometric == Photometric.YbrFull422 ? ((pixel / 2) * 4) + (pixel % 2)
                        : geometry.PlanarConfiguration == 1 ? (s * pixels) + pixel
                        : (pixel * samples) + s;
                    Compare(sourceFrame, outputFrame, geometry, index, kept, s, black, notBlack, changed, x, y);
                }

                if (geometry.Photometric == Photometric.YbrFull422 && x % 2 == 1)
                {
                    // The pair's chroma is the source's unless both of its pixels lie outside.
                    var pairKept = kept || area.IsKept(x - 1, y);
                    var chroma = ((pixel / 2) * 4) + 2;
                    Compare(sourceFrame, outputFrame, geometry, chroma, pairKept, 1, black, notBlack, changed, x - 1, y);
                    Compare(sourceFrame, outputFrame, geometry, chroma + 1, pairKept, 2, black, notBlack, changed, x - 1, y);
                }
            }
        }
    }

    private static void Compare(ReadOnlySpan<byte> source, ReadOnlySpan<byte> output, ImageGeometry geometry, long index, bool kept, int sample, Blackness black, Tally notBlack, Tally changed, int x, int y)
    {
        var written = Read(output, geometry, index);
        if (kept)
        {
            if (written != Read(source, geometry, index))
            {
                changed.Add(x, y);
            }
        }
        else if (!black.IsBlack(sample, written))
        {
            notBlack.Add(x, y);
        }
    }

    private static int Read(ReadOnlySpan<byte> frame, ImageGeometry geometry, long index)
        => geometry.BitsAllocated == 8 ? frame[(int)index] : BinaryPrimitives.ReadUInt16LittleEndian(frame[(int)(2 * index)..]);

    /// <summary>What black is, per sample, worked out from the standard's definitions.</summary>
    private sealed class Blackness
    {
        private readonly int[] _values;
        private readonly bool[]? _darkestPaletteValue;

        public Blackness(ImageGeometry geometry)
        {
            var bits = geometry.BitsStored;
            var allocatedMask = geometry.BitsAllocated == 8 ? 0xFF : 0xFFFF;
            var lowest = geometry.IsSigned ? -(1 << (bits - 1)) : 0;
            var highest = geometry.IsSigned ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
            var neutral = 1 << (bits - 1);
            _values = geometry.Photometric switch
            {
                Photometric.Monochrome2 => [lowest & allocatedMask],
                Photometric.Monochrome1 => [highest & allocatedMask],
                Photometric.Rgb => [0, 0, 0],
                Photometric.YbrFull or Photometric.YbrFull422 => [0, neutral, neutral],
                Photometric.PaletteColor => [-1],
                _ => throw new PixelDataException($"{geometry.PhotometricInterpretation} has no native black to check."),
            };
            if (geometry.Photometric == Photometric.PaletteColor)
            {
                _darkestPaletteValue = DarkestValues(geometry, allocatedMask);
            }
        }

        /// <summary>A row of black pixels as stored: every sample of a pixel, or one plane's sample.</summary>
        public byte[] Row(int columns, int? plane, int bytes)
        {
            var samples = plane is null ? _values.Length : 1;
            var row = new byte[columns * samples * bytes];
            for (var x = 0; x < columns; x++)
            {
                for (var s = 0; s < samples; s++)
                {
                    var value = _values[plane ?? s];
                    var at = ((x * samples) + s) * bytes;
                    if (bytes == 1)
                    {
                        row[at] = (byte)value;
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(row.AsSpan(at), (ushort)value);
                    }
                }
            }

            return row;
        }

        public bool IsBlack(int sample, int value)
            => _darkestPaletteValue is not null ? _darkestPaletteValue[value] : _values[sample] == value;

        // Every stored value that maps to an entry of the least luminance (Rec. 601 weights).
        private static bool[] DarkestValues(ImageGeometry geometry, int allocatedMask)
        {
            var palette = geometry.Palette!;
            var luma = new long[palette.Entries];
            for (var i = 0; i < luma.Length; i++)
            {
                luma[i] = (299L * palette.Red[i]) + (587L * palette.Green[i]) + (114L * palette.Blue[i]);
            }

            var darkest = luma.Min();
            var values = new bool[allocatedMask + 1];
            var bits = geometry.BitsStored;
            for (var stored = 0; stored <= allocatedMask; stored++)
            {
                var masked = stored & ((1 << bits) - 1);
                if (masked != stored)
                {
                    continue;
                }

                var value = geometry.IsSigned && (masked & (1 << (bits - 1))) != 0 ? masked - (1 << bits) : masked;
                values[stored] = luma[Math.Clamp(value - palette.FirstMapped, 0, palette.Entries - 1)] == darkest;
            }

            return values;
        }
    }

    private sealed class Tally
    {
        public long Count { get; private set; }

        public int X { get; private set; }

        public int Y { get; private set; }

        public void Add(int x, int y)
        {
            if (Count++ == 0)
            {
                (X, Y) = (x, y);
            }
        }
    }
}
