namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>The rules a profile applies to one group of SOP classes, on top of its common rules.</summary>
/// <param name="Name">A name for admins (for example <c>Ultrasound Multi-frame Image</c>).</param>
/// <param name="SopClassUids">The SOP Class UIDs; <c>*</c> matches every class.</param>
/// <param name="Tags">Rules for this group only; they win over the profile's common rules.</param>
public sealed record SopClassRules(string Name, IReadOnlyList<string> SopClassUids, IReadOnlyList<TagRule> Tags)
{
    /// <summary>When set, instances of these classes are discarded (never sent) for this reason.</summary>
    public string? DiscardReason { get; init; }

    /// <summary>When true, an instance whose Burned In Annotation is not <c>NO</c> is held back (set aside), not sent.</summary>
    public bool HoldsBackBurnedInAnnotation { get; init; }

    /// <summary>
    /// When true (added in contracts 1.2), every image of these classes has its pixels outside the known image area
    /// blanked by the host's <see cref="IPixelCleaner"/>, whatever its Burned In Annotation says, and Burned In
    /// Annotation becomes <c>NO</c>; an image that cannot be cleaned is held back. The verifier proves the pixels.
    /// </summary>
    public bool CleansPixels { get; init; }

    /// <summary>When true, SR content items holding person names, free text, dates or times are removed with their children.</summary>
    public bool CleansStructuredContent { get; init; }
}
