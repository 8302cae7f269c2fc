using Uplink.Core.Anonymization.Pixels;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>
/// The verifier's proof of cleaned pixels, on the bytes written: it finds the image area again from the source,
/// decodes every frame of the source and of the output, and holds every pixel to it: black outside the area, equal
/// to the source inside (bit for bit for lossless data, identical quantised coefficients for JPEG). It never calls
/// the cleaner, so a cleaner bug sets the image aside instead of shipping it.
/// </summary>
internal sealed class CleanPixelsCheck(ImageAreaResolver areas)
{
    private const int MaxViolations = 20;

    /// <summary>Checks the output's pixels.</summary>
    /// <param name="source">The source instance.</param>
    /// <param name="output">The output as read back.</param>
    /// <param name="violations">Receives what is wrong.</param>
    /// <returns>What was proven, or null when something is wrong.</returns>
    public PixelProof? Check(DicomFile source, DicomFile output, List<string> violations)
    {
        if (source.Dataset[DicomTags.PixelData] is null)
        {
            if (output.Dataset[DicomTags.PixelData] is not null)
            {
                violations.Add("the output has Pixel Data the source did not have");
            }

            return null;
        }

        var resolution = areas.Resolve(source.Dataset);
        if (resolution.Area is not { } area)
        {
            violations.Add($"the profile cleans pixels, but the verifier knows no image area: {resolution.UnknownReason}");
            return null;
        }

        var before = violations.Count;
        try
        {
            var geometry = ImageGeometry.FromDataset(source.Dataset);
            if (ImageGeometry.FromDataset(output.Dataset) is var written && !SameImage(geometry, written))
            {
                violations.Add($"the output's image ({written}) is not the source's ({geometry})");
                return null;
            }

            var kept = CheckFrames(source, output, geometry, area.Area, violations);
            return violations.Count == before && kept is not null ? new PixelProof(area.Source, kept.Rectangles, geometry.NumberOfFrames) : null;
        }
        catch (PixelDataException e)
        {
            violations.Add($"the pixels cannot be decoded for the check: {e.Message}");
            return null;
        }
    }

    private static KeptArea? CheckFrames(DicomFile source, DicomFile output, ImageGeometry geometry, KeptArea area, List<string> violations)
    {
        var syntax = source.TransferSyntax;
        if (syntax.IsEncapsulated != output.TransferSyntax.IsEncapsulated || (syntax.IsEncapsulated && syntax.Uid != output.TransferSyntax.Uid))
        {
            violations.Add($"the output's transfer syntax {output.TransferSyntax.Uid} is not the source's {syntax.Uid}");
            return null;
        }

        var sourcePixels = source.Dataset[DicomTags.PixelData]!;
        var outputPixels = output.Dataset[DicomTags.PixelData];
        if (outputPixels is null)
        {
            violations.Add("the output has no Pixel Data");
            return null;
        }

        if (NativeFrames.CanRead(syntax))
        {
            // Native and RLE frames side by side, one frame of each in memory.
            using var outputFrames = NativeFrames.Read(outputPixels, output.TransferSyntax, geometry).GetEnumerator();
            foreach (var (index, sourceFrame) in NativeFrames.Read(sourcePixels, syntax, geometry))
            {
                if (violations.Count >= MaxViolations || !outputFrames.MoveNext())
                {
                    break;
                }

                NativeFrameProof.Check(sourceFrame.Span, outputFrames.Current.Frame.Span, geometry, area, violations, index);
            }

            return area;
        }

        if (JpegProofs.Handles(syntax.Uid) && sourcePixels is DicomFragmentSequence sourceFragments && outputPixels is DicomFragmentSequence outputFragments)
        {
            return JpegProofs.Check(sourceFragments, outputFragments, geometry, area, violations, MaxViolations);
        }

        violations.Add($"the verifier cannot decode {syntax} pixel data, so cleaned pixels in it cannot be proven");
        return null;
    }

    private static bool SameImage(ImageGeometry source, ImageGeometry output) =>
        source.Rows == output.Rows && source.Columns == output.Columns && source.SamplesPerPixel == output.SamplesPerPixel
        && source.BitsAllocated == output.BitsAllocated && source.BitsStored == output.BitsStored && source.IsSigned == output.IsSigned
        && source.Photometric == output.Photometric && source.PlanarConfiguration == output.PlanarConfiguration
        && source.NumberOfFrames == output.NumberOfFrames;
}
