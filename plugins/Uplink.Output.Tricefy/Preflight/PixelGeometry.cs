using Uplink.Dicom;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>The Image Pixel attributes that size a frame.</summary>
/// <param name="Rows">Rows (0028,0010).</param>
/// <param name="Columns">Columns (0028,0011).</param>
/// <param name="SamplesPerPixel">Samples per Pixel (0028,0002).</param>
/// <param name="BitsAllocated">Bits Allocated (0028,0100).</param>
/// <param name="PlanarConfiguration">Planar Configuration (0028,0006): 0 colour-by-pixel, 1 colour-by-plane.</param>
/// <param name="Frames">Number of Frames (0028,0008), 1 when absent.</param>
internal sealed record PixelGeometry(int Rows, int Columns, int SamplesPerPixel, int BitsAllocated, int PlanarConfiguration, int Frames)
{
    /// <summary>Bytes per sample (1 for 8-bit, 2 for 16-bit, ...).</summary>
    public int BytesPerSample => BitsAllocated / 8;

    /// <summary>Pixels per frame.</summary>
    public long Pixels => (long)Rows * Columns;

    /// <summary>Bytes of one native frame.</summary>
    public long FrameBytes => Pixels * SamplesPerPixel * BytesPerSample;

    /// <summary>Reads the geometry, or says which attribute is missing or unusable.</summary>
    /// <param name="dataset">The instance.</param>
    /// <param name="problem">What is wrong, when it is.</param>
    /// <returns>The geometry, or <see langword="null"/>.</returns>
    public static PixelGeometry? From(DicomDataset dataset, out string? problem)
    {
        var rows = dataset.GetInt32(DicomTags.Rows);
        var columns = dataset.GetInt32(DicomTags.Columns);
        var samples = dataset.GetInt32(DicomTags.SamplesPerPixel) ?? 1;
        var bits = dataset.GetInt32(DicomTags.BitsAllocated);
        var frames = dataset.GetInt32(DicomTags.NumberOfFrames) ?? 1;
        if (rows is not > 0 || columns is not > 0 || bits is not (8 or 16 or 32) || samples is not (1 or 3) || frames < 1)
        {
            problem = $"the Image Pixel attributes (Rows {rows}, Columns {columns}, Samples per Pixel {samples}, Bits Allocated {bits}, Number of Frames {frames}) do not describe whole-byte pixels";
            return null;
        }

        problem = null;
        return new PixelGeometry(rows.Value, columns.Value, samples, bits.Value, dataset.GetInt32(DicomTags.PlanarConfiguration) ?? 0, frames);
    }
}
