namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>The result of <see cref="IImageSource.ResolveAsync"/>.</summary>
/// <param name="Outcome">Found, unknown or invalid.</param>
/// <param name="Path">The file's full path when found.</param>
/// <param name="Reason">Why the id is unknown or invalid.</param>
public sealed record ImageResolution(ImageResolutionOutcome Outcome, string? Path, string? Reason)
{
    /// <summary>The id names a file that exists.</summary>
    /// <param name="path">The file's full path.</param>
    /// <returns>A found resolution.</returns>
    public static ImageResolution Found(string path) => new(ImageResolutionOutcome.Found, path, null);

    /// <summary>The id is well formed but names nothing.</summary>
    /// <param name="reason">What was looked for.</param>
    /// <returns>An unknown resolution.</returns>
    public static ImageResolution Unknown(string reason) => new(ImageResolutionOutcome.Unknown, null, reason);

    /// <summary>The id is not acceptable (for example it tries to leave the store).</summary>
    /// <param name="reason">What is wrong with it.</param>
    /// <returns>An invalid resolution.</returns>
    public static ImageResolution Invalid(string reason) => new(ImageResolutionOutcome.Invalid, null, reason);
}
