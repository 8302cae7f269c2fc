using System.Buffers;
using Uplink.Dicom.Imaging.Jpeg;

namespace Uplink.Dicom.Imaging.Cleaning;

/// <summary>
/// Cleans JPEG Baseline frames (1.2.840.10008.1.2.4.50, and 1.2.840.10008.1.2.4.51 holding 8-bit data) in the
/// coefficient domain with <see cref="JpegBaselineCleaner"/>: no second lossy generation.
/// </summary>
public sealed class JpegBaselineFrameCleaner : IEncapsulatedFrameCleaner
{
    /// <summary>JPEG Baseline (Process 1).</summary>
    public const string BaselineUid = "1.2.840.10008.1.2.4.50";

    /// <summary>JPEG Extended (Process 2 and 4): cleaned only when its frames hold 8-bit Huffman data.</summary>
    public const string ExtendedUid = "1.2.840.10008.1.2.4.51";

    /// <inheritdoc />
    public bool Handles(string transferSyntaxUid) => transferSyntaxUid is BaselineUid or ExtendedUid;

    /// <inheritdoc />
    public KeptArea CleanFrame(ReadOnlySpan<byte> frame, ImageGeometry geometry, KeptArea area, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var info = JpegFrameInfo.Read(frame);
        if (info.Width != geometry.Columns || info.Height != geometry.Rows)
        {
            throw new PixelDataException($"the JPEG frame is {info.Width}x{info.Height}, but Rows and Columns say {geometry.Columns}x{geometry.Rows}");
        }

        return JpegBaselineCleaner.Clean(frame, area, ColorModel(geometry.Photometric), output).Effective;
    }

    /// <summary>How a JPEG frame's components are read for a Photometric Interpretation.</summary>
    /// <param name="photometric">The image's Photometric Interpretation.</param>
    /// <returns>The colour model.</returns>
    public static JpegColorModel ColorModel(Photometric photometric) => photometric switch
    {
        Photometric.Monochrome1 or Photometric.Monochrome2 => JpegColorModel.Monochrome,
        Photometric.Rgb => JpegColorModel.Rgb,
        _ => JpegColorModel.YCbCr,
    };
}
