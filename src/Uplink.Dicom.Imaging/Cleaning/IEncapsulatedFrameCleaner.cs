using System.Buffers;

namespace Uplink.Dicom.Imaging.Cleaning;

/// <summary>
/// Cleans one frame of an encapsulated transfer syntax: every pixel outside the kept area becomes black, the
/// kept area stays as it was. <see cref="PixelDataCleaner"/> feeds it the frames one at a time.
/// </summary>
public interface IEncapsulatedFrameCleaner
{
    /// <summary>True when this cleaner edits frames of the transfer syntax.</summary>
    /// <param name="transferSyntaxUid">The transfer syntax UID.</param>
    /// <returns>Whether it does.</returns>
    bool Handles(string transferSyntaxUid);

    /// <summary>Cleans one frame.</summary>
    /// <param name="frame">The frame's encoded bytes (its fragments joined).</param>
    /// <param name="geometry">The image geometry.</param>
    /// <param name="area">The area to keep.</param>
    /// <param name="output">Receives the cleaned frame, encoded in the same transfer syntax.</param>
    /// <returns>The area actually kept: <paramref name="area"/>, or a smaller one when the codec blanks in blocks.</returns>
    /// <exception cref="PixelDataException">The frame cannot be decoded or cleaned.</exception>
    KeptArea CleanFrame(ReadOnlySpan<byte> frame, ImageGeometry geometry, KeptArea area, IBufferWriter<byte> output);
}
