using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Dicom.Imaging.Cleaning;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>
/// The cleaner the host offers a profile for one instance: it finds the image area, blanks everything else frame
/// by frame into a temporary file beside the output, and deletes that file once the output is written and verified.
/// </summary>
internal sealed class HostPixelCleaner(ImageAreaResolver areas, PixelDataCleaner cleaner, string temporaryFolder) : IPixelCleaner, IDisposable
{
    private readonly List<string> _temporaryFiles = [];

    /// <inheritdoc />
    public PixelCleaning Clean(DicomFile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var resolution = areas.Resolve(source.Dataset);
        if (resolution.Area is not { } area)
        {
            return PixelCleaning.Refused(resolution.UnknownReason!);
        }

        try
        {
            var geometry = ImageGeometry.FromDataset(source.Dataset);
            var cleaned = cleaner.Clean(source, geometry, area.Area, temporaryFolder);
            _temporaryFiles.Add(cleaned.TemporaryFile);
            return PixelCleaning.Cleaned(cleaned.PixelData);
        }
        catch (PixelDataException e)
        {
            return PixelCleaning.Refused($"the pixels cannot be cleaned: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DicomFormatException)
        {
            return PixelCleaning.Refused($"the pixels cannot be read or written ({e.GetType().Name})");
        }
    }

    /// <summary>Deletes the cleaned pixels' temporary files.</summary>
    public void Dispose()
    {
        foreach (var file in _temporaryFiles)
        {
            File.Delete(file);
        }

        _temporaryFiles.Clear();
    }
}
