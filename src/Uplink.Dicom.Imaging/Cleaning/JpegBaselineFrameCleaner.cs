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

        return JpegBaselineCleaner.Clean(frame, area, ColorModel(geometry.Photometric, info), output).Effective;
    }

    /// <summary>
    /// How a JPEG frame's components are read: from Photometric Interpretation, except where the stream itself
    /// declares its colour transform (JFIF, Adobe, component ids), which wins, as libjpeg-style decoders follow the
    /// stream: an "RGB" image over a JFIF stream is cleaned as YCbCr, so its blanked blocks decode black there and
    /// flat (never readable) in a decoder that believes the attribute.
    /// </summary>
    /// <param name="photometric">The image's Photometric Interpretation.</param>
    /// <param name="info">The frame's header.</param>
    /// <returns>The colour model.</returns>
    public static JpegColorModel ColorModel(Photometric photometric, JpegFrameInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return (photometric, info.Components.Count, info.ColorTransformed) switch
        {
            (_, 1, _) => JpegColorModel.Monochrome,
            (_, _, true) => JpegColorModel.YCbCr,
            (_, _, false) => JpegColorModel.Rgb,
            (Photometric.Rgb, _, null) => JpegColorModel.Rgb,
            _ => JpegColorModel.YCbCr,
        };
    }
}
