namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>Resolves a caller's image ids to files. An input plugin registers one for its own ids.</summary>
public interface IImageSource
{
    /// <summary>Finds the file behind an image id, without reading it.</summary>
    /// <param name="imageId">The caller's id; implementations reject ids that could reach outside their store.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The resolution: found with a path, unknown, or invalid with a reason.</returns>
    ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken);
}
