using Uplink.Dicom;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// The geometry shaping slices and decodes frames with. Shaping never interprets colours, so a PALETTE COLOR image
/// whose lookup tables the pixel layer cannot read (segmented, large) is laid out as the one-sample image it is.
/// </summary>
internal static class FrameLayout
{
    /// <summary>The geometry of a dataset's frames.</summary>
    /// <param name="dataset">The image.</param>
    /// <returns>The geometry.</returns>
    /// <exception cref="PixelDataException">An attribute that sizes a frame is missing or unsupported.</exception>
    public static ImageGeometry Of(DicomDataset dataset)
    {
        try
        {
            return ImageGeometry.FromDataset(dataset);
        }
        catch (PixelDataException) when (dataset.GetString(DicomTags.PhotometricInterpretation)?.Trim() == "PALETTE COLOR")
        {
            var bits = dataset.GetInt32(DicomTags.BitsAllocated) ?? 0;
            var stored = dataset.GetInt32(DicomTags.BitsStored) ?? bits;
            return ImageGeometry.Create(
                dataset.GetInt32(DicomTags.Rows) ?? 0, dataset.GetInt32(DicomTags.Columns) ?? 0, dataset.GetInt32(DicomTags.SamplesPerPixel) ?? 1,
                bits, stored, dataset.GetInt32(DicomTags.HighBit) ?? stored - 1, dataset.GetInt32(DicomTags.PixelRepresentation) ?? 0,
                Photometric.Monochrome2, 0, dataset.GetInt32(DicomTags.NumberOfFrames) ?? 1);
        }
    }
}
