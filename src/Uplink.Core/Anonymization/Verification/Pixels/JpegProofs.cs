using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Cleaning;
using Uplink.Dicom.Imaging.Encapsulated;
using Uplink.Dicom.Imaging.Jpeg;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>
/// Proves every frame of cleaned JPEG Baseline pixel data with <see cref="JpegFrameProof"/> (another decoder than
/// the cleaner's). The area the proof holds the frame to is the image area shrunk to whole MCUs, computed here from
/// the frame's own sampling factors: the cleaner's idea of it is never taken on trust.
/// </summary>
internal static class JpegProofs
{
    /// <summary>True for the JPEG syntaxes the host cleans.</summary>
    /// <param name="transferSyntaxUid">The transfer syntax.</param>
    /// <returns>Whether <see cref="Check"/> proves it.</returns>
    public static bool Handles(string transferSyntaxUid) => transferSyntaxUid is JpegBaselineFrameCleaner.BaselineUid or JpegBaselineFrameCleaner.ExtendedUid;

    /// <summary>Checks every frame.</summary>
    /// <param name="source">The source's fragments.</param>
    /// <param name="output">The output's fragments.</param>
    /// <param name="geometry">The image.</param>
    /// <param name="area">The image area resolved from the source.</param>
    /// <param name="violations">Receives what is wrong.</param>
    /// <param name="maxViolations">Stop after this many.</param>
    /// <returns>The area held to (whole MCUs inside <paramref name="area"/>).</returns>
    public static KeptArea? Check(DicomFragmentSequence source, DicomFragmentSequence output, ImageGeometry geometry, KeptArea area, List<string> violations, int maxViolations)
    {
        var sourceFrames = EncapsulatedFrameIndex.Build(source, geometry.NumberOfFrames, scanForEndOfImage: true);
        var outputFrames = EncapsulatedFrameIndex.Build(output, geometry.NumberOfFrames, scanForEndOfImage: true);
        KeptAreaIndex? kept = null;
        for (var frame = 0; frame < geometry.NumberOfFrames && violations.Count < maxViolations; frame++)
        {
            var sourceFrame = sourceFrames.ReadFrame(frame);
            var info = JpegFrameInfo.Read(sourceFrame);
            kept ??= new KeptAreaIndex(WholeMcus(area, info));
            JpegFrameProof.Check(sourceFrame, outputFrames.ReadFrame(frame), kept, JpegBaselineFrameCleaner.ColorModel(geometry.Photometric, info), violations, frame, requested: area);
        }

        return kept?.Area;
    }

    private static KeptArea WholeMcus(KeptArea area, JpegFrameInfo info)
    {
        var mcuWidth = 8 * (info.Components.Count == 1 ? 1 : info.Components.Max(c => c.HorizontalSampling));
        var mcuHeight = 8 * (info.Components.Count == 1 ? 1 : info.Components.Max(c => c.VerticalSampling));
        var rectangles = new List<PixelRectangle>();
        for (var y = 0; y < area.Rows; y += mcuHeight)
        {
            var bottom = Math.Min(y + mcuHeight, area.Rows) - 1;
            var runStart = -1;
            for (var x = 0; x < area.Columns; x += mcuWidth)
            {
                var whole = area.ContainsWhole(new PixelRectangle(x, y, Math.Min(x + mcuWidth, area.Columns) - 1, bottom));
                if (whole && runStart < 0)
                {
                    runStart = x;
                }
                else if (!whole && runStart >= 0)
                {
                    rectangles.Add(new PixelRectangle(runStart, y, x - 1, bottom));
                    runStart = -1;
                }
            }

            if (runStart >= 0)
            {
                rectangles.Add(new PixelRectangle(runStart, y, area.Columns - 1, bottom));
            }
        }

        return new KeptArea(area.Columns, area.Rows, rectangles);
    }
}
