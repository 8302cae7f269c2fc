using Uplink.Dicom.Imaging.Encapsulated;
using Uplink.Dicom.Imaging.Native;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Dicom.Imaging;

/// <summary>
/// The frames of Pixel Data as native little-endian bytes, one at a time, whatever Uplink can decode: native
/// data as it is, RLE Lossless decoded. For the verifier (source and output side by side) and for rendering.
/// </summary>
public static class NativeFrames
{
    /// <summary>True when frames in this transfer syntax can be read natively.</summary>
    /// <param name="transferSyntax">The transfer syntax.</param>
    /// <returns>Whether they can.</returns>
    public static bool CanRead(DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        return !transferSyntax.IsEncapsulated || transferSyntax.Uid == RleCodec.TransferSyntaxUid;
    }

    /// <summary>Streams every frame through one reused buffer.</summary>
    /// <param name="pixelData">Pixel Data (7FE0,0010): an element for native data, a fragment sequence for RLE.</param>
    /// <param name="transferSyntax">The transfer syntax it is encoded in.</param>
    /// <param name="geometry">The image geometry.</param>
    /// <returns>Each frame's index and native bytes; the memory is overwritten by the next frame.</returns>
    /// <exception cref="PixelDataException">The syntax cannot be decoded, or the data is malformed.</exception>
    public static IEnumerable<(int Index, ReadOnlyMemory<byte> Frame)> Read(DicomItem pixelData, DicomTransferSyntax transferSyntax, ImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(pixelData);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        ArgumentNullException.ThrowIfNull(geometry);
        if (!CanRead(transferSyntax))
        {
            throw new PixelDataException($"{transferSyntax} cannot be decoded to native frames by Uplink.");
        }

        return (pixelData, transferSyntax.IsEncapsulated) switch
        {
            (DicomElement element, false) => ReadNative(element, geometry),
            (DicomFragmentSequence fragments, true) => ReadRle(fragments, geometry),
            _ => throw new PixelDataException($"Pixel Data (7FE0,0010) is {(pixelData is DicomFragmentSequence ? "encapsulated" : "native")}, but the transfer syntax {transferSyntax} is not."),
        };
    }

    private static IEnumerable<(int Index, ReadOnlyMemory<byte> Frame)> ReadNative(DicomElement element, ImageGeometry geometry)
    {
        using var reader = new NativeFrameReader(element, geometry);
        foreach (var frame in reader.ReadAll())
        {
            yield return frame;
        }
    }

    private static IEnumerable<(int Index, ReadOnlyMemory<byte> Frame)> ReadRle(DicomFragmentSequence fragments, ImageGeometry geometry)
    {
        var index = EncapsulatedFrameIndex.Build(fragments, geometry.NumberOfFrames, scanForEndOfImage: false);
        var buffer = new byte[geometry.FrameLength];
        for (var frame = 0; frame < index.FrameCount; frame++)
        {
            RleCodec.Decode(index.ReadFrame(frame), geometry, buffer, frame);
            yield return (frame, buffer);
        }
    }
}
