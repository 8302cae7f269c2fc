using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.DicomStore;

/// <summary>Resolves an image id that is a SOP Instance UID to the instance received under it.</summary>
internal sealed class ReceivedImageSource(DurableInstanceStore store) : IImageSource
{
    public ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken)
    {
        var path = store.PathFor(imageId);
        return ValueTask.FromResult(
            path is null ? ImageResolution.Invalid("The image id is not a SOP Instance UID.")
            : File.Exists(path) ? ImageResolution.Found(path)
            : ImageResolution.Unknown("No instance with this SOP Instance UID has been received."));
    }
}
