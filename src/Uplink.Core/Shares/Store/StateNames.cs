using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>The text the store (and the status API) uses for each state: defined here only; <see cref="StateTable"/> says which follows which.</summary>
internal static class StateNames
{
    /// <summary>The store's name of an image state.</summary>
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

    /// <summary>The store's name of a share state.</summary>
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
    /// <param name="text">The stored name.</param>
    /// <returns>The state.</returns>
    public static ImageState ImageStateOf(string text) =>
        Enum.GetValues<ImageState>().First(s => Of(s) == text);

    /// <summary>Reads a share state back.</summary>
    /// <param name="text">The stored name.</param>
    /// <returns>The state.</returns>
    public static ShareState ShareStateOf(string text) =>
        Enum.GetValues<ShareState>().First(s => Of(s) == text);
}
