namespace Uplink.Core.Plugins.Supervision;

/// <summary>The typed result of <see cref="GuardedImageSource.ResolveAsync"/>: a plugin's answer or its contained failure.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Path">The file's full path when found.</param>
/// <param name="Reason">Why not found, without an exception's message.</param>
internal sealed record ImageLookup(ImageLookupOutcome Outcome, string? Path, string? Reason)
{
    /// <summary>The id names a file.</summary>
    /// <param name="path">The file's full path.</param>
    /// <returns>A found lookup.</returns>
    public static ImageLookup Found(string path) => new(ImageLookupOutcome.Found, path, null);

    /// <summary>Not found, not acceptable, or the source failed.</summary>
    /// <param name="outcome">Any outcome but <see cref="ImageLookupOutcome.Found"/>.</param>
    /// <param name="reason">Why.</param>
    /// <returns>A lookup without a path.</returns>
    public static ImageLookup NotFound(ImageLookupOutcome outcome, string reason) => new(outcome, null, reason);
}
