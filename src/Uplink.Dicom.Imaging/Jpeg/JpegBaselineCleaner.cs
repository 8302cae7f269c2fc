using System.Buffers;
using System.Globalization;

namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// Blanks everything outside a kept area of a JPEG Baseline frame (DICOM 1.2.840.10008.1.2.4.50, and
/// 1.2.840.10008.1.2.4.51 with 8-bit data) in the coefficient domain, without a second lossy generation.
/// </summary>
/// <remarks>
/// <para>
/// The unit of editing is the MCU (8×8 pixels for one component or 4:4:4, 16×8 for 4:2:2, 16×16 for 4:2:0).
/// An MCU is kept only when its whole pixel footprint lies inside the kept area; its blocks keep their
/// quantised coefficients exactly (absolute DC and every AC symbol), so it decodes bit-identically in any
/// decoder. Every other MCU becomes flat black: each block gets the quantised DC of black (luma, or every
/// component for RGB: ⌊−1024 / Q0⌋; chroma: 0 = neutral) and no AC (one EOB).
/// </para>
/// <para>
/// Trade-off: MCUs that straddle the edge of the kept area are blanked, so up to one MCU of image along each
/// edge of the kept area is lost (<see cref="JpegCleaning.Effective"/> says exactly what was kept), while
/// nothing is ever dequantised, transformed or re-quantised. Text touching the edge can therefore never survive
/// in a half-kept block, and the kept image carries no new compression loss.
/// </para>
/// <para>
/// The DC difference chain is re-coded (restart intervals and RSTn markers stay at the source's cadence), the
/// Huffman tables are rebuilt optimally from the symbols actually written (T.81 Annex K.2), COM and every APPn
/// except APP0 JFIF (without its thumbnail) and APP14 Adobe are dropped, since text can hide there. Only
/// sequential Huffman frames of 8-bit precision, 1 or 3 components, coded in one scan, are accepted; anything
/// else (progressive, lossless, 12-bit, arithmetic, hierarchical, several scans, DNL) or any corrupt data throws
/// <see cref="PixelDataException"/> naming the marker or byte offset.
/// </para>
/// </remarks>
public static class JpegBaselineCleaner
{
    // Every block costs at least two bits (DC code and EOB), so a stream cannot hold more than 4 blocks per
    // byte; more declared blocks means truncated data, found before anything is allocated for them.
    private const int BlocksPerByte = 4;
    private const long MaximumBlocks = 1L << 26;

    /// <summary>Cleans one frame: one complete JPEG stream (SOI to EOI) in, one out.</summary>
    /// <param name="frame">The source stream; bytes after its EOI (fragment padding) are ignored.</param>
    /// <param name="area">The area to keep; its size must be the frame's.</param>
    /// <param name="color">How to read the components (from Photometric Interpretation).</param>
    /// <param name="output">Receives the cleaned stream.</param>
    /// <returns>What was kept and blanked.</returns>
    /// <exception cref="PixelDataException">The frame cannot be cleaned faithfully; the message says why and where.</exception>
    public static JpegCleaning Clean(ReadOnlySpan<byte> frame, KeptArea area, JpegColorModel color, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(output);
        var header = JpegHeader.Read(frame);
        Validate(header, area, color);
        var layout = JpegScanLayout.Of(header);
        var blocks = layout.McuCount * layout.BlockComponents.Length;
        if (blocks > (BlocksPerByte * (long)(frame.Length - header.EntropyOffset)) + 16 || blocks > MaximumBlocks)
        {
            throw JpegFormat.Corrupt(header.SofOffset, string.Create(CultureInfo.InvariantCulture, $"frame header declares {header.Width}x{header.Height} pixels, more than the {frame.Length - header.EntropyOffset} bytes of entropy-coded data can hold (truncated or hostile)"));
        }

        var kept = new bool[layout.McuCount];
        var effective = JpegMcuMap.Compute(area, layout.McuWidth, layout.McuHeight, kept);
        var black = new int[header.ScanComponents.Length];
        for (var i = 0; i < black.Length; i++)
        {
            if (i == 0 || color == JpegColorModel.Rgb)
            {
                var step = header.QuantizationTables[header.Components[header.ScanComponents[i].Component].QuantizationTable]![0];
                black[i] = (int)Math.Floor(-1024.0 / step);
            }
        }

        using var transcoder = new JpegScanTranscoder(header, layout, black);
        var end = transcoder.Decode(frame, kept);
        CheckTrailer(frame, end);
        var groups = header.ScanComponents.Length == 1 ? 1 : 2;
        var dc = new JpegHuffmanEncodeTable[groups];
        var ac = new JpegHuffmanEncodeTable[groups];
        for (var g = 0; g < groups; g++)
        {
            dc[g] = JpegHuffmanEncodeTable.Optimal(transcoder.DcCounts(g));
            ac[g] = JpegHuffmanEncodeTable.Optimal(transcoder.AcCounts(g));
        }

        var writer = new JpegBitWriter(output);
        JpegHeaderWriter.Write(ref writer, frame, header, dc, ac);
        transcoder.Encode(ref writer, dc, ac);
        writer.WriteMarker(JpegFormat.Eoi);
        writer.Complete();
        var keptCount = kept.Count(k => k);
        var blanked = kept.Length - keptCount;
        return new JpegCleaning(
            new KeptArea(area.Columns, area.Rows, effective),
            layout.McuWidth,
            layout.McuHeight,
            keptCount,
            blanked,
            blanked * layout.BlockComponents.Length,
            header.RestartInterval,
            writer.Written);
    }

    private static void Validate(JpegHeader header, KeptArea area, JpegColorModel color)
    {
        var sof = JpegFormat.Name(header.SofMarker);
        if (header.Process is not (JpegProcess.Baseline or JpegProcess.ExtendedSequential))
        {
            var process = header.Process switch
            {
                JpegProcess.Progressive => "progressive",
                JpegProcess.Lossless => "lossless",
                JpegProcess.Arithmetic => "arithmetic-coded",
                _ => "hierarchical",
            };
            throw new PixelDataException($"JPEG {process} ({sof}) cannot be cleaned losslessly.");
        }

        if (header.Precision != 8)
        {
            throw new PixelDataException(string.Create(CultureInfo.InvariantCulture, $"JPEG {header.Precision}-bit precision ({sof}) cannot be cleaned losslessly; only 8-bit frames can."));
        }

        if (header.Height == 0)
        {
            throw JpegFormat.Corrupt(header.SofOffset, "frame of height 0 whose height comes in a DNL marker cannot be cleaned");
        }

        var expected = color == JpegColorModel.Monochrome ? 1 : 3;
        if (header.Components.Length != expected)
        {
            throw JpegFormat.Corrupt(header.SofOffset, string.Create(CultureInfo.InvariantCulture, $"frame has {header.Components.Length} components where the photometric interpretation ({color}) needs {expected}"));
        }

        if (expected == 3 && header.ColorTransformed is { } transformed && transformed != (color == JpegColorModel.YCbCr))
        {
            // Black would be black in one kind of decoder and a flat colour in the other: held back, not guessed.
            var declared = transformed ? "YCbCr (JFIF or Adobe transform 1)" : "RGB (Adobe transform 0 or component ids R,G,B)";
            throw new PixelDataException($"JPEG stream declares {declared} but the photometric interpretation says {color}: decoders disagree on its colours, so it cannot be cleaned to black.");
        }

        if (header.ScanComponents.Length != header.Components.Length)
        {
            throw JpegFormat.Corrupt(header.SosOffset, "scan (SOS) that does not hold every component: non-interleaved multi-scan frames cannot be cleaned");
        }

        if (header.SpectralStart != 0 || header.SpectralEnd != 63 || header.SuccessiveApproximation != 0)
        {
            throw JpegFormat.Corrupt(header.SosOffset, "sequential scan (SOS) with a spectral selection other than 0–63 or successive approximation");
        }

        foreach (var (component, dcTable, acTable) in header.ScanComponents)
        {
            if (dcTable > 3 || acTable > 3 || header.DcTables[dcTable] is null || header.AcTables[acTable] is null)
            {
                throw JpegFormat.Corrupt(header.SosOffset, "scan (SOS) uses a Huffman table that no DHT defined");
            }

            if (header.QuantizationTables[header.Components[component].QuantizationTable] is null)
            {
                throw JpegFormat.Corrupt(header.SosOffset, "component uses a quantisation table that no DQT defined");
            }
        }

        if (area.Columns != header.Width || area.Rows != header.Height)
        {
            throw JpegFormat.Corrupt(header.SofOffset, string.Create(CultureInfo.InvariantCulture, $"frame of {header.Width}x{header.Height} pixels where the kept area is for {area.Columns}x{area.Rows}"));
        }
    }

    private static void CheckTrailer(ReadOnlySpan<byte> frame, int position)
    {
        // After the one scan only tables, comments and application data may come before EOI; all are dropped.
        while (true)
        {
            var (marker, offset) = JpegHeader.NextMarker(frame, ref position);
            switch (marker)
            {
                case JpegFormat.Eoi:
                    return;
                case JpegFormat.Sos:
                    throw JpegFormat.Corrupt(offset, "second scan (SOS): multi-scan frames cannot be cleaned");
                case JpegFormat.Dnl:
                    throw JpegFormat.Corrupt(offset, "DNL marker: frames whose height comes after the scan cannot be cleaned");
                case JpegFormat.Soi or (>= JpegFormat.Rst0 and <= 0xD7) or (>= 0xC0 and <= 0xCF and not JpegFormat.Dht):
                    throw JpegFormat.Corrupt(offset, $"marker {JpegFormat.Name(marker)} where EOI is due");
                case 0x01:
                    break;
                default:
                    JpegHeader.Segment(frame, offset, ref position);
                    break;
            }
        }
    }
}
