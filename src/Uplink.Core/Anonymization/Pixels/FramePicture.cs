using Uplink.Core.Anonymization.Verification.Pixels;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Encapsulated;
using Uplink.Dicom.Imaging.Native;
using Uplink.Dicom.Imaging.Rendering;
using Uplink.Dicom.Imaging.Rle;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>
/// Renders one frame of an instance to a picture, so that a person can look at what went in and what came out
/// (<c>uplink inspect FILE --frame N --png OUT.png</c>, the demo's before/after): native, RLE and JPEG Baseline.
/// </summary>
public static class FramePicture
{
    /// <summary>Renders a frame.</summary>
    /// <param name="file">The instance.</param>
    /// <param name="frame">The 0-based frame.</param>
    /// <returns>The picture.</returns>
    /// <exception cref="PixelDataException">The frame does not exist or cannot be decoded; the message says why.</exception>
    public static RenderedImage Render(DicomFile file, int frame)
    {
        ArgumentNullException.ThrowIfNull(file);
        var geometry = ImageGeometry.FromDataset(file.Dataset);
        if (frame < 0 || frame >= geometry.NumberOfFrames)
        {
            throw new PixelDataException($"frame {frame} does not exist: the image has {geometry.NumberOfFrames} frame(s), numbered from 0");
        }

        var syntax = file.TransferSyntax;
        switch (file.Dataset[DicomTags.PixelData])
        {
            case DicomElement native:
            {
                using var reader = new NativeFrameReader(native, geometry);
                var bytes = new byte[geometry.FrameLength];
                reader.ReadFrame(frame, bytes);
                return FrameRenderer.Render(bytes, geometry, file.Dataset);
            }

            case DicomFragmentSequence fragments when syntax.Uid == RleCodec.TransferSyntaxUid:
            {
                var frames = EncapsulatedFrameIndex.Build(fragments, geometry.NumberOfFrames, scanForEndOfImage: false);
                var bytes = new byte[geometry.FrameLength];
                RleCodec.Decode(frames.ReadFrame(frame), geometry, bytes, frame);
                return FrameRenderer.Render(bytes, geometry, file.Dataset);
            }

            case DicomFragmentSequence fragments when JpegProofs.Handles(syntax.Uid):
            {
                var frames = EncapsulatedFrameIndex.Build(fragments, geometry.NumberOfFrames, scanForEndOfImage: true);
                var (samples, width, height, components) = JpegPixels.Decode(frames.ReadFrame(frame));
                return new RenderedImage(width, height, components == 3, samples);
            }

            case null:
                throw new PixelDataException("the instance has no Pixel Data (7FE0,0010)");
            default:
                throw new PixelDataException($"{syntax} frames cannot be rendered: Uplink decodes native, RLE Lossless and JPEG Baseline pixel data");
        }
    }
}
