namespace Uplink.Core.Anonymization.Pixels;

/// <summary>The image area of an instance, or why none is known.</summary>
internal sealed record ImageAreaResolution
{
    private ImageAreaResolution(ImageArea? area, string? unknownReason) => (Area, UnknownReason) = (area, unknownReason);

    /// <summary>The area, when known.</summary>
    public ImageArea? Area { get; }

    /// <summary>Why no area is known (device and size only, never patient data).</summary>
    public string? UnknownReason { get; }

    /// <summary>An area was found.</summary>
    /// <param name="area">The area.</param>
    /// <returns>The resolution.</returns>
    public static ImageAreaResolution Found(ImageArea area) => new(area, null);

    /// <summary>No area is known.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The resolution.</returns>
    public static ImageAreaResolution Unknown(string reason) => new(null, reason);
}
