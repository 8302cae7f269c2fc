using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Encapsulated;
using Uplink.Dicom.Imaging.Native;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// The frames of one file, one at a time: native frames as they are, RLE frames decoded to native (so a converted
/// file can be compared with its source), and other encapsulated frames as their compressed bytes.
/// </summary>
internal sealed class FrameSource : IDisposable
{
    private readonly NativeFrameReader? _native;
    private readonly EncapsulatedFrameIndex? _encapsulated;
    private readonly ImageGeometry? _rleGeometry;
    private readonly byte[]? _buffer;

    private FrameSource(NativeFrameReader? native, EncapsulatedFrameIndex? encapsulated, ImageGeometry? rleGeometry, int frameCount)
    {
        (_native, _encapsulated, _rleGeometry, FrameCount) = (native, encapsulated, rleGeometry, frameCount);
        var frameLength = native?.Geometry.FrameLength ?? rleGeometry?.FrameLength;
        _buffer = frameLength is { } length ? new byte[length] : null;
    }

    /// <summary>How many frames there are.</summary>
    public int FrameCount { get; }

    /// <summary>Bytes of a native value after its last frame (0 for encapsulated data).</summary>
    public long TrailingBytes => _native?.TrailingBytes ?? 0;

    /// <summary>Opens the frames of a parsed file.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The frames.</returns>
    /// <exception cref="PixelDataException">The pixel data is missing or does not match its attributes; the message says how.</exception>
    public static FrameSource Open(DicomFile file)
    {
        var dataset = file.Dataset;
        switch (dataset[DicomTags.PixelData])
        {
            case DicomElement native:
                var geometry = FrameLayout.Of(dataset);
                return new FrameSource(new NativeFrameReader(native, geometry), null, null, geometry.NumberOfFrames);
            case DicomFragmentSequence fragments when file.TransferSyntax.Uid == RleCodec.TransferSyntaxUid:
                var rle = FrameLayout.Of(dataset);
                return new FrameSource(null, EncapsulatedFrameIndex.Build(fragments, rle.NumberOfFrames, scanForEndOfImage: false), rle, rle.NumberOfFrames);
            case DicomFragmentSequence fragments:
                var frames = dataset.GetInt32(DicomTags.NumberOfFrames) ?? 1;
                return new FrameSource(null, EncapsulatedFrameIndex.Build(fragments, frames, scanForEndOfImage: true), null, frames);
            default:
                throw new PixelDataException("Pixel Data (7FE0,0010) is missing.");
        }
    }

    /// <summary>Reads one frame; the memory is reused by the next call.</summary>
    /// <param name="index">The 0-based frame index.</param>
    /// <returns>The frame's native bytes (native or RLE), or its compressed bytes (other encapsulated syntaxes).</returns>
    /// <exception cref="PixelDataException">The frame cannot be read or decoded.</exception>
    public ReadOnlyMemory<byte> Read(int index)
    {
        if (_native is not null)
        {
            _native.ReadFrame(index, _buffer);
            return _buffer;
        }

        var bytes = _encapsulated!.ReadFrame(index);
        if (_rleGeometry is null)
        {
            return bytes;
        }

        RleCodec.Decode(bytes, _rleGeometry, _buffer, index);
        return _buffer;
    }

    /// <summary>The fragments of an encapsulated frame (for splitting), or null for native data.</summary>
    /// <param name="index">The 0-based frame index.</param>
    /// <returns>The fragments.</returns>
    public IReadOnlyList<DicomFragment>? FragmentsOf(int index) => _encapsulated?.FragmentsOf(index);

    /// <inheritdoc />
    public void Dispose() => _native?.Dispose();
}
