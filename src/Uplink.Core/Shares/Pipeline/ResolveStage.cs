using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Queued → fetched: resolves the image id through its input's guarded image source and checks the file is
/// there. Nothing is copied (a copy would put patient data in the data folder). The guard contains the
/// plugin's failures; this stage only maps its <see cref="ImageLookup"/> to a transition.
/// </summary>
internal sealed class ResolveStage(IActivePlugins plugins, ImageQueue queue, ImageOutcomes outcomes)
{
    /// <summary>The stage's name in the attempts log (stored and shown, so it stays as it was before the rename).</summary>
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
            outcomes.RetryOrFail(item, Stage, $"input {item.SourcePluginId} is not active");
            return null;
        }

        var lookup = await source.ResolveAsync(item.ImageId, cancellationToken).ConfigureAwait(false);
        switch (lookup.Outcome)
        {
            case ImageLookupOutcome.Invalid:
                outcomes.Finish(item, Stage, ImageState.Failed, $"image id is invalid: {lookup.Reason}");
                return null;
            case ImageLookupOutcome.Unknown:
                outcomes.RetryOrFail(item, Stage, $"image not found: {lookup.Reason}");
                return null;
            case ImageLookupOutcome.Faulted:
                outcomes.RetryOrFail(item, Stage, lookup.Reason!);
                return null;
            case ImageLookupOutcome.Unavailable:
                outcomes.RetryUntilDone(item, Stage, null, $"the image store is not reachable now: {lookup.Reason}");
                return null;
        }

        var file = new FileInfo(lookup.Path!);
        if (!file.Exists)
        {
            outcomes.RetryOrFail(item, Stage, "image file has disappeared from the image store");
            return null;
        }

        return outcomes.Moved(item, Stage, queue.MarkFetched(item, file.FullName, file.Length));
    }
}
