using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>
/// The one catch site around an image source. Its answer and its throws become an <see cref="ImageLookup"/>:
/// a passing fault (I/O, timeout, network) is <see cref="ImageLookupOutcome.Unavailable"/> and retried, not
/// mistaken for an invalid id that would fail the image for good.
/// </summary>
/// <param name="pluginId">The plugin id.</param>
/// <param name="inner">The plugin's image source.</param>
/// <param name="states">The status registry.</param>
/// <param name="logger">Where faults are logged.</param>
internal sealed class GuardedImageSource(string pluginId, IImageSource inner, PluginStates states, ILogger logger)
{
    /// <summary>Resolves an image id through the plugin.</summary>
    /// <param name="imageId">The image id from the share request.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The lookup; never throws but for cancellation of <paramref name="cancellationToken"/>.</returns>
    public async ValueTask<ImageLookup> ResolveAsync(string imageId, CancellationToken cancellationToken)
    {
        ImageResolution? resolution;
        try
        {
            resolution = await inner.ResolveAsync(imageId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(logger, pluginId, nameof(ResolveAsync), ExceptionDisclosure.Describe(ex));
            var reason = ExceptionDisclosure.Threw($"the image source of plugin {pluginId}", ex);
            states.MarkFaulted(pluginId, reason);
            return ImageLookup.NotFound(TransientFaults.IsTransient(ex, cancellationToken) ? ImageLookupOutcome.Unavailable : ImageLookupOutcome.Faulted, reason);
        }

        if (resolution is null)
        {
            var reason = $"the image source of plugin {pluginId} returned nothing";
            states.MarkFaulted(pluginId, reason);
            return ImageLookup.NotFound(ImageLookupOutcome.Faulted, reason);
        }

        // No MarkRecovered here: the plugin's input may be what is faulted, and this call says nothing about it.
        return resolution.Outcome switch
        {
            ImageResolutionOutcome.Found when resolution.Path is not null => ImageLookup.Found(resolution.Path),
            ImageResolutionOutcome.Found => ImageLookup.NotFound(ImageLookupOutcome.Faulted, $"the image source of plugin {pluginId} found the image without a path"),
            ImageResolutionOutcome.Invalid => ImageLookup.NotFound(ImageLookupOutcome.Invalid, resolution.Reason ?? "no reason given"),
            _ => ImageLookup.NotFound(ImageLookupOutcome.Unknown, resolution.Reason ?? "no reason given"),
        };
    }
}
