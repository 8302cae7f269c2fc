using Uplink.Dicom.Imaging.Cleaning;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>The one place that says which encodings the host cleans: native, RLE Lossless and JPEG Baseline.</summary>
internal static class PixelCleaners
{
    /// <summary>The cleaner with every frame cleaner the host has.</summary>
    /// <returns>The cleaner.</returns>
    public static PixelDataCleaner Create() => new([new RleFrameCleaner(), new JpegBaselineFrameCleaner()]);
}
