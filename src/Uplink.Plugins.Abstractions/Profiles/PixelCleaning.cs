using Uplink.Dicom;

namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>The result of <see cref="IPixelCleaner.Clean"/> (added in contracts 1.2).</summary>
public sealed record PixelCleaning
{
    private PixelCleaning(DicomItem? pixelData, string? reason) => (PixelData, Reason) = (pixelData, reason);

    /// <summary>The cleaned Pixel Data (7FE0,0010), in the source's transfer syntax; null when the pixels could not be cleaned.</summary>
    public DicomItem? PixelData { get; }

    /// <summary>Why the pixels could not be cleaned, without patient data; null when cleaned.</summary>
    public string? Reason { get; }

    /// <summary>True when <see cref="PixelData"/> holds the cleaned pixels.</summary>
    public bool IsCleaned => PixelData is not null;

    /// <summary>Pixels cleaned.</summary>
    /// <param name="pixelData">The new Pixel Data element or fragment sequence.</param>
    /// <returns>The result.</returns>
    public static PixelCleaning Cleaned(DicomItem pixelData)
    {
        ArgumentNullException.ThrowIfNull(pixelData);
        return new(pixelData, null);
    }

    /// <summary>Pixels that cannot be cleaned: the instance must be held back.</summary>
    /// <param name="reason">Why, without patient data (for example the transfer syntax, or the device with no known image area).</param>
    /// <returns>The result.</returns>
    public static PixelCleaning Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(null, reason);
    }
}
