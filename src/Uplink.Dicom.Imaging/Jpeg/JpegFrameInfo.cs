namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>
/// What a JPEG stream declares in its frame header and before its first scan; the caller checks it against
/// Rows, Columns, Samples per Pixel and Bits Stored before cleaning.
/// </summary>
/// <param name="Width">Samples per line (X).</param>
/// <param name="Height">Number of lines (Y); 0 means the height comes later in a DNL marker.</param>
/// <param name="Precision">Sample precision in bits (P).</param>
/// <param name="Process">The coding process of the SOFn marker.</param>
/// <param name="Components">The components in frame order.</param>
/// <param name="RestartInterval">MCUs per restart interval from DRI, 0 when there is none.</param>
/// <param name="ColorTransformed">
/// For three components, what the stream itself declares: true = YCbCr (JFIF, or Adobe APP14 transform 1),
/// false = RGB (Adobe transform 0, or component ids 'R','G','B'), null = silent (Photometric Interpretation then
/// decides). libjpeg-based decoders follow the stream, dcmtk follows Photometric Interpretation, so a stream
/// that contradicts the Photometric Interpretation decodes to different colours in different viewers.
/// </param>
public sealed record JpegFrameInfo(int Width, int Height, int Precision, JpegProcess Process, IReadOnlyList<JpegComponentInfo> Components, int RestartInterval, bool? ColorTransformed)
{
    /// <summary>Reads the headers of one JPEG stream up to its first scan.</summary>
    /// <param name="frame">The stream, starting with SOI.</param>
    /// <returns>The frame's description.</returns>
    /// <exception cref="PixelDataException">The headers are truncated or malformed; the message names the byte offset.</exception>
    public static JpegFrameInfo Read(ReadOnlySpan<byte> frame)
    {
        var header = JpegHeader.Read(frame);
        return new(header.Width, header.Height, header.Precision, header.Process, header.Components, header.RestartInterval, header.ColorTransformed);
    }
}
