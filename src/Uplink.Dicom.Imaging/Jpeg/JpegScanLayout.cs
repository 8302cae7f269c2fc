namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// The MCU structure of a single-scan sequential frame: MCU size, MCU grid, and which scan component each
/// block of an MCU belongs to (T.81 A.2: interleaved MCUs hold Hi × Vi blocks per component; a one-component
/// scan has one block per MCU).
/// </summary>
/// <param name="McuWidth">MCU width in pixels.</param>
/// <param name="McuHeight">MCU height in pixels.</param>
/// <param name="McuColumns">MCUs per row.</param>
/// <param name="McuRows">MCU rows.</param>
/// <param name="BlockComponents">Scan component index of each block of an MCU, in coding order.</param>
internal sealed record JpegScanLayout(int McuWidth, int McuHeight, int McuColumns, int McuRows, int[] BlockComponents)
{
    /// <summary>MCUs in the frame.</summary>
    public long McuCount => (long)McuColumns * McuRows;

    /// <summary>The layout of the header's scan, which must cover every component of the frame.</summary>
    /// <param name="header">The header.</param>
    /// <returns>The layout.</returns>
    public static JpegScanLayout Of(JpegHeader header)
    {
        if (header.ScanComponents.Length == 1)
        {
            return new(8, 8, (header.Width + 7) / 8, (header.Height + 7) / 8, [0]);
        }

        var hMax = header.Components.Max(c => c.HorizontalSampling);
        var vMax = header.Components.Max(c => c.VerticalSampling);
        var blocks = new List<int>();
        for (var i = 0; i < header.ScanComponents.Length; i++)
        {
            var component = header.Components[header.ScanComponents[i].Component];
            if (hMax % component.HorizontalSampling != 0 || vMax % component.VerticalSampling != 0)
            {
                throw JpegFormat.Corrupt(header.SofOffset, "frame header (SOF) has sampling factors that do not divide the largest (unsupported)");
            }

            blocks.AddRange(Enumerable.Repeat(i, component.HorizontalSampling * component.VerticalSampling));
        }

        if (blocks.Count > 10)
        {
            throw JpegFormat.Corrupt(header.SofOffset, "frame header (SOF) puts more than 10 blocks in an MCU");
        }

        var width = 8 * hMax;
        var height = 8 * vMax;
        return new(width, height, (header.Width + width - 1) / width, (header.Height + height - 1) / height, [.. blocks]);
    }
}
