using Uplink.Core.Plugins;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Queued → fetched: resolves the image id through its input's image source and checks the file is
/// there. The source stays where it is (a copy would put patient data in the data folder).
/// </summary>
internal sealed class FetchStage(IActivePlugins plugins, ImageQueue queue, ImageOutcomes outcomes)
{
    /// <summary>The stage's name in the attempts log and the metrics.</summary>
    public const string Stage = "fetch";

    /// <summary>Runs the stage.</summary>
    /// <param name="item">A queued, leased image.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The image in its next state, or null when it was released.</returns>
    public async Task<ImageWorkItem?> RunAsync(ImageWorkItem item, CancellationToken cancellationToken)
    {
        var source = plugins.FindImageSource(item.SourcePluginId);
        if (source is null)
        {
            outcomes.Retry(item, Stage, null, $"input {item.SourcePluginId} is not active", limited: true);
            return null;
        }

        ImageResolution resolution;
        try
        {
            resolution = await source.ResolveAsync(item.ImageId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcomes.Retry(item, Stage, null, StageFailure.Describe($"image source of {item.SourcePluginId}", ex), limited: true);
            return null;
        }

        switch (resolution.Outcome)
        {
            case ImageResolutionOutcome.Invalid:
                outcomes.Finish(item, Stage, ImageState.Failed, $"image id is invalid: {resolution.Reason}");
                return null;
            case ImageResolutionOutcome.Unknown:
                outcomes.Retry(item, Stage, null, $"image not found: {resolution.Reason}", limited: true);
                return null;
        }

        var file = new FileInfo(resolution.Path!);
        if (!file.Exists)
        {
            outcomes.Retry(item, Stage, null, "image file has disappeared from the image store", limited: true);
            return null;
        }

        if (!queue.MarkFetched(item, file.FullName, file.Length))
        {
            outcomes.LeaseLost(item);
            return null;
        }

        var next = item with { State = ImageState.Fetched, Attempt = 0, SourcePath = file.FullName };
        outcomes.Advanced(next, Stage, null);
        return next;
    }
}
