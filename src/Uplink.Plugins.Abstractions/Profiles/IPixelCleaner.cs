using Uplink.Dicom;

namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>
/// The host's cleaner of burned-in text (added in contracts 1.2): it finds where the image is in a frame (the
/// Sequence of Ultrasound Regions, else the device rules the admin maintains) and blanks every pixel outside it,
/// losslessly where the encoding allows. The host's verifier proves the result on the written bytes, independently.
/// </summary>
public interface IPixelCleaner
{
    /// <summary>Cleans the pixels of one instance.</summary>
    /// <param name="source">The source instance (not modified).</param>
    /// <returns>The cleaned Pixel Data to put in the output, or why the pixels cannot be cleaned (the instance is then held back).</returns>
    PixelCleaning Clean(DicomFile source);
}
