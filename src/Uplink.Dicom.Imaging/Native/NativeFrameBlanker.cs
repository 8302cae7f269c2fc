using System.Buffers.Binary;

namespace Uplink.Dicom.Imaging.Native;

/// <summary>
/// Blanks every pixel outside a <see cref="KeptArea"/> of one native frame to black, in place: 0 for MONOCHROME2
/// (the minimum when signed), the maximum of Bits Stored for MONOCHROME1, (0,0,0) for RGB, Y=0 and neutral chroma
/// for YBR_FULL, the darkest palette entry for PALETTE COLOR. YBR_FULL_422 pixel pairs share Cb and Cr: a blanked
/// pixel gets Y=0, and the pair's chroma becomes neutral only when both of its pixels are blanked, so a kept pixel
/// stays exactly as it was.
/// </summary>
public static class NativeFrameBlanker
{
    /// <summary>Blanks one frame in place.</summary>
    /// <param name="frame">The frame, <see cref="ImageGeometry.FrameLength"/> bytes, little endian.</param>
    /// <param name="geometry">Its geometry.</param>
    /// <param name="area">The kept area; its size must be the frame's.</param>
    /// <exception cref="PixelDataException">The interpretation cannot be blanked, or the area does not fit the frame.</exception>
    public static void Blank(Span<byte> frame, ImageGeometry geometry, KeptArea area)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(area);
        if (area.Columns != geometry.Columns || area.Rows != geometry.Rows)
        {
            throw new PixelDataException($"The kept area is for {area.Columns}x{area.Rows} pixels; the frame has {geometry.Columns}x{geometry.Rows}.");
        }

        if (frame.Length < geometry.FrameLength)
        {
            throw new PixelDataException($"The frame has {frame.Length} bytes; {geometry.FrameLength} are needed.");
        }

        var black = BlackLevels.Of(geometry);
        var columns = geometry.Columns;
        var mask = new bool[columns];
        for (var y = 0; y < geometry.Rows; y++)
        {
            area.RowMask(y, mask);
            if (!mask.AsSpan().Contains(false))
            {
                continue;
            }

            if (geometry.Photometric == Photometric.YbrFull422)
            {
                BlankPairs(frame, geometry, y, mask, black);
                continue;
            }

            // Runs of blanked pixels, found with vectorised searches rather than pixel by pixel.
            var row = mask.AsSpan();
            for (var x = row.IndexOf(false); x >= 0;)
            {
                var length = row[x..].IndexOf(true);
                length = length < 0 ? columns - x : length;
                BlankRun(frame, geometry, y, x, length, black);
                var next = x + length < columns ? row[(x + length)..].IndexOf(false) : -1;
                x = next < 0 ? -1 : x + length + next;
            }
        }
    }

    private static void BlankRun(Span<byte> frame, ImageGeometry geometry, int y, int x, int count, ushort[] black)
    {
        var bytes = geometry.BytesPerSample;
        var pixel = ((long)y * geometry.Columns) + x;
        if (geometry.SamplesPerPixel == 1 || geometry.PlanarConfiguration == 1)
        {
            for (var s = 0; s < geometry.SamplesPerPixel; s++)
            {
                var plane = s * geometry.PixelsPerFrame * bytes;
                FillSamples(frame.Slice((int)(plane + (pixel * bytes)), count * bytes), bytes, black[s]);
            }

            return;
        }

        var run = frame.Slice((int)(pixel * 3 * bytes), count * 3 * bytes);
        if (black[0] == black[1] && black[1] == black[2])
        {
            FillSamples(run, bytes, black[0]);
            return;
        }

        Span<byte> pattern = stackalloc byte[3 * bytes];
        for (var s = 0; s < 3; s++)
        {
            WriteSample(pattern[(s * bytes)..], bytes, black[s]);
        }

        for (var offset = 0; offset < run.Length; offset += pattern.Length)
        {
            pattern.CopyTo(run[offset..]);
        }
    }

    private static void BlankPairs(Span<byte> frame, ImageGeometry geometry, int y, bool[] mask, ushort[] black)
    {
        var bytes = geometry.BytesPerSample;
        var rowStart = (long)y * geometry.Columns * 2 * bytes;
        for (var x = 0; x < geometry.Columns; x += 2)
        {
            var pair = frame[(int)(rowStart + (x * 2L * bytes))..];
            if (!mask[x])
            {
                WriteSample(pair, bytes, black[0]);
            }

            if (!mask[x + 1])
            {
                WriteSample(pair[bytes..], bytes, black[0]);
            }

            if (!mask[x] && !mask[x + 1])
            {
                WriteSample(pair[(2 * bytes)..], bytes, black[1]);
                WriteSample(pair[(3 * bytes)..], bytes, black[2]);
            }
        }
    }

    private static void FillSamples(Span<byte> run, int bytes, ushort value)
    {
        if (bytes == 1 || (byte)value == value >> 8)
        {
            run.Fill((byte)value);
            return;
        }

        for (var offset = 0; offset < run.Length; offset += 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(run[offset..], value);
        }
    }

    private static void WriteSample(Span<byte> target, int bytes, ushort value)
    {
        if (bytes == 1)
        {
            target[0] = (byte)value;
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(target, value);
        }
    }
}
