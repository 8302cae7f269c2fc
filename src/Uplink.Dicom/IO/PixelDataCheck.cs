namespace Uplink.Dicom.IO;

/// <summary>Rejects non-empty native Pixel Data shorter than Rows x Columns x Samples x Bits Allocated x Frames says.</summary>
internal static class PixelDataCheck
{
    public static void Run(DicomDataset dataset, long offset)
    {
        if (dataset.Get(DicomTags.PixelData) is not DicomElement { Length: > 0 } pixels)
        {
            return;
        }

        var rows = dataset.GetInt32(DicomTags.Rows);
        var columns = dataset.GetInt32(DicomTags.Columns);
        var bits = dataset.GetInt32(DicomTags.BitsAllocated);
        if (rows is not > 0 || columns is not > 0 || bits is not > 0)
        {
            return;
        }

        var samples = dataset.GetInt32(DicomTags.SamplesPerPixel) is > 0 and var s ? s : 1;
        var frames = dataset.GetInt32(DicomTags.NumberOfFrames) is > 0 and var f ? f : 1;
        var photometric = dataset.GetString(DicomTags.PhotometricInterpretation) ?? string.Empty;
        long pixelsPerFrame = (long)rows.Value * columns.Value;
        var expectedBits = photometric.StartsWith("YBR_FULL_422", StringComparison.Ordinal) || photometric.StartsWith("YBR_PARTIAL_422", StringComparison.Ordinal)
            ? pixelsPerFrame * 2 * bits.Value * frames
            : pixelsPerFrame * samples * bits.Value * frames;
        var expected = (expectedBits + 7) / 8;
        if (pixels.Length < expected)
        {
            throw new DicomFormatException(
                $"Pixel Data (7FE0,0010) at byte {offset} holds {pixels.Length} bytes, but Rows {rows} x Columns {columns} x Samples per Pixel {samples} x Bits Allocated {bits} x Frames {frames} need {expected}.",
                offset,
                DicomTags.PixelData);
        }
    }
}
