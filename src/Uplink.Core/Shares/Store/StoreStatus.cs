using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>What <c>uplink status</c> shows of the store: counts, ages and reasons, never patient data. Times are Unix milliseconds.</summary>
/// <param name="At">When it was read.</param>
/// <param name="Images">Images per state, with the oldest share still holding one in that state.</param>
/// <param name="Shares">Shares per state.</param>
/// <param name="LastHour">Throughput over the hour before <paramref name="At"/>.</param>
/// <param name="Problems">The most recent set-aside and failed images with their reasons.</param>
public sealed record StoreStatus(
    long At,
    IReadOnlyList<StateCount> Images,
    IReadOnlyList<StateCount> Shares,
    LastHourCounts LastHour,
    IReadOnlyList<ProblemImage> Problems)
{
    /// <summary>Whether images in that state are still on their way (the status shows how long the oldest has waited).</summary>
    /// <param name="state">An image state.</param>
    /// <returns><see langword="true"/> for the states the pipeline has not finished.</returns>
    public static bool IsUnfinished(ImageState state) => StateTable.UnfinishedImages.Contains(state);
}
