using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Support;

/// <summary>An image source over a folder: <c>{root}/{imageId}</c>.</summary>
internal sealed class FolderSource(string root) : IImageSource
{
    public ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken)
    {
        if (imageId.Contains('/', StringComparison.Ordinal) || imageId.Contains("..", StringComparison.Ordinal))
        {
            return ValueTask.FromResult(ImageResolution.Invalid("the id contains a path separator"));
        }

        var path = Path.Combine(root, imageId);
        return ValueTask.FromResult(File.Exists(path) ? ImageResolution.Found(path) : ImageResolution.Unknown($"no file for {imageId}"));
    }
}
