using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// The one owner of the state machine: which state may follow which. The store's <c>CHECK</c>s, the
/// "unfinished" sets its queries claim from, and which states are final all come from the pipeline's two
/// tables; the admin's tables say which final states an administrator may move on, so the pipeline's
/// final states stay final for every worker. The contracts' <see cref="StateNames"/> owns their names.
/// </summary>
internal static class StateTable
{
    /// <summary>Each image state and the states a stage may move it to. A state without a way out is final.</summary>
    public static readonly IReadOnlyDictionary<ImageState, ImageState[]> Images = new Dictionary<ImageState, ImageState[]>
    {
        // Resolving fails an invalid id at once, or an image whose attempts ran out.
        [ImageState.Queued] = [ImageState.Fetched, ImageState.Failed],

        // The profile and the verifier decide; a throwing anonymizer fails the image after its attempts.
        [ImageState.Fetched] = [ImageState.Anonymized, ImageState.SetAside, ImageState.Discarded, ImageState.Failed],

        // An output may refuse an instance for good.
        [ImageState.Anonymized] = [ImageState.Sent, ImageState.SetAside, ImageState.Discarded, ImageState.Failed],
        [ImageState.Sent] = [],
        [ImageState.SetAside] = [],
        [ImageState.Discarded] = [],
        [ImageState.Failed] = [],
    };

    /// <summary>Each share state and the states it may move to. A state without a way out is final.</summary>
    public static readonly IReadOnlyDictionary<ShareState, ShareState[]> Shares = new Dictionary<ShareState, ShareState[]>
    {
        [ShareState.Queued] = [ShareState.Waiting, ShareState.Completed, ShareState.Failed],
        [ShareState.Waiting] = [ShareState.Queued, ShareState.Completed, ShareState.Failed],
        [ShareState.Completed] = [],
        [ShareState.Failed] = [],
    };

    /// <summary>
    /// The moves only an administrator makes (the admin page or <c>uplink shares</c>), out of states the pipeline
    /// treats as final: a failed or set-aside image is queued again once its cause is fixed, and a set-aside
    /// image is discarded for good. Every state here is one of <see cref="Images"/>' keys, so the <c>CHECK</c>s hold.
    /// </summary>
    public static readonly IReadOnlyDictionary<ImageState, ImageState[]> AdminImages = new Dictionary<ImageState, ImageState[]>
    {
        [ImageState.Failed] = [ImageState.Queued],
        [ImageState.SetAside] = [ImageState.Queued, ImageState.Discarded],
    };

    /// <summary>
    /// The share moves that follow an admin's image move: a share that had ended is opened again, so it is
    /// handed off and ended once more when its requeued images finish.
    /// </summary>
    public static readonly IReadOnlyDictionary<ShareState, ShareState[]> AdminShares = new Dictionary<ShareState, ShareState[]>
    {
        [ShareState.Completed] = [ShareState.Queued],
        [ShareState.Failed] = [ShareState.Queued],
    };

    /// <summary>The image states an administrator may move to <paramref name="target"/>, in table order.</summary>
    /// <param name="target">The state the admin's action leads to.</param>
    /// <returns>For example failed and set-aside for queued.</returns>
    public static IReadOnlyList<ImageState> AdminSourcesOf(ImageState target) => [.. AdminImages.Where(s => s.Value.Contains(target)).Select(s => s.Key)];

    /// <summary>The share states an administrator's requeue opens again, in table order.</summary>
    public static IReadOnlyList<ShareState> ReopenableShares { get; } = [.. AdminShares.Where(s => s.Value.Contains(ShareState.Queued)).Select(s => s.Key)];

    /// <summary>The image states a worker still has work for, in table order.</summary>
    public static IReadOnlyList<ImageState> UnfinishedImages { get; } = [.. Images.Where(s => s.Value.Length > 0).Select(s => s.Key)];

    /// <summary>The share states whose hand-off is still to come, in table order.</summary>
    public static IReadOnlyList<ShareState> OpenShares { get; } = [.. Shares.Where(s => s.Value.Length > 0).Select(s => s.Key)];

    /// <summary>The share states from which <paramref name="state"/> may follow, in table order.</summary>
    /// <param name="state">The state moved to.</param>
    /// <returns>Its predecessors.</returns>
    public static IReadOnlyList<ShareState> SharesLeadingTo(ShareState state) => [.. Shares.Where(s => s.Value.Contains(state)).Select(s => s.Key)];

    /// <summary>The image states from which <paramref name="state"/> may follow, in table order.</summary>
    /// <param name="state">The state moved to.</param>
    /// <returns>Its predecessors (none for <see cref="ImageState.Queued"/>, where every image starts).</returns>
    public static IReadOnlyList<ImageState> ImagesLeadingTo(ImageState state) => [.. Images.Where(s => s.Value.Contains(state)).Select(s => s.Key)];

    /// <summary>The stored names of <paramref name="states"/> as an SQL list, for <c>IN (…)</c>.</summary>
    /// <param name="states">The states.</param>
    /// <returns>For example <c>'queued', 'fetched'</c>.</returns>
    public static string Sql(IEnumerable<ImageState> states) => string.Join(", ", states.Select(s => $"'{StateNames.Of(s)}'"));

    /// <summary>The stored names of <paramref name="states"/> as an SQL list, for <c>IN (…)</c>.</summary>
    /// <param name="states">The states.</param>
    /// <returns>For example <c>'queued', 'waiting'</c>.</returns>
    public static string Sql(IEnumerable<ShareState> states) => string.Join(", ", states.Select(s => $"'{StateNames.Of(s)}'"));
}
