using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>An image source whose throws become an invalid resolution instead of reaching the pipeline.</summary>
/// <param name="pluginId">The plugin id.</param>
/// <param name="inner">The plugin's image source.</param>
/// <param name="states">The status registry.</param>
/// <param name="logger">Where faults are logged.</param>
internal sealed class GuardedImageSource(string pluginId, IImageSource inner, PluginStates states, ILogger logger) : IImageSource
{
    /// <inheritdoc />
    public async ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ResolveAsync(imageId, cancellationToken).ConfigureAwait(false)
                ?? ImageResolution.Invalid($"the image source of plugin {pluginId} returned nothing");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(logger, pluginId, nameof(ResolveAsync), ex.GetType().Name, ex.Message);
            states.MarkFaulted(pluginId, $"image source threw {ex.GetType().Name}");
            return ImageResolution.Invalid($"the image source of plugin {pluginId} failed ({ex.GetType().Name})");
        }
    }
}
