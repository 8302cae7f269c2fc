namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>
/// The one spelling of each share and image state, wherever a state is written as text: an input's status answers
/// (the ViewPoint API), the host's store and its status output. Added in contracts 1.3.
/// </summary>
public static class StateNames
{
    /// <summary>The name of an image state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>For example <c>set-aside</c>.</returns>
    public static string Of(ImageState state) => state switch
    {
        ImageState.Queued => "queued",
        ImageState.Fetched => "fetched",
        ImageState.Anonymized => "anonymized",
        ImageState.Sent => "sent",
        ImageState.SetAside => "set-aside",
        ImageState.Discarded => "discarded",
        ImageState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown image state."),
    };

    /// <summary>The name of a share state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>For example <c>waiting</c>.</returns>
    public static string Of(ShareState state) => state switch
    {
        ShareState.Queued => "queued",
        ShareState.Waiting => "waiting",
        ShareState.Completed => "completed",
        ShareState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown share state."),
    };

    /// <summary>Reads an image state back.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The state.</returns>
    /// <exception cref="InvalidOperationException">The text names no image state.</exception>
    public static ImageState ImageStateOf(string text) =>
        Enum.GetValues<ImageState>().First(s => Of(s) == text);

    /// <summary>Reads a share state back.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The state.</returns>
    /// <exception cref="InvalidOperationException">The text names no share state.</exception>
    public static ShareState ShareStateOf(string text) =>
        Enum.GetValues<ShareState>().First(s => Of(s) == text);
}
