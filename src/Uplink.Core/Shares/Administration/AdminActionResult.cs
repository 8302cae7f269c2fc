namespace Uplink.Core.Shares.Administration;

/// <summary>What an administrator's action did, or why it was refused; the message names ids and states, never patient values.</summary>
/// <param name="Succeeded">Whether the action changed the store.</param>
/// <param name="Message">A sentence for the administrator.</param>
/// <param name="ImagesChanged">How many images it moved.</param>
public sealed record AdminActionResult(bool Succeeded, string Message, int ImagesChanged)
{
    /// <summary>The action was done.</summary>
    /// <param name="message">What it did.</param>
    /// <param name="imagesChanged">How many images it moved.</param>
    /// <returns>The result.</returns>
    public static AdminActionResult Done(string message, int imagesChanged) => new(true, message, imagesChanged);

    /// <summary>The action was refused and nothing changed.</summary>
    /// <param name="message">Why.</param>
    /// <returns>The result.</returns>
    public static AdminActionResult Refused(string message) => new(false, message, 0);
}
