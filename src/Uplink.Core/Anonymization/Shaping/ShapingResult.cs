namespace Uplink.Core.Anonymization.Shaping;

/// <summary>What shaping decided for one output: the verified files to send in order, or why the instance is set aside for it.</summary>
/// <param name="Files">The files, in order (empty when set aside).</param>
/// <param name="SetAsideReason">Why the output cannot be given the instance, naming the UID, size or check that failed.</param>
internal sealed record ShapingResult(IReadOnlyList<ShapedFile> Files, string? SetAsideReason)
{
    /// <summary>The files to send.</summary>
    /// <param name="files">The verified files, in order.</param>
    /// <returns>The result.</returns>
    public static ShapingResult Send(IReadOnlyList<ShapedFile> files) => new(files, null);

    /// <summary>The instance cannot go to this output.</summary>
    /// <param name="reason">Why; no patient values.</param>
    /// <returns>The result.</returns>
    public static ShapingResult SetAside(string reason) => new([], reason);
}
