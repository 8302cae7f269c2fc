using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.DicomStore.Retrieval;

/// <summary>
/// The input's image source when an archive is configured: an instance already received is served from the
/// store; one that is not is retrieved from the archive into the store first, then served from there. An id the
/// archive has no match for is invalid. Retrievals run one at a time, and each re-checks the store first, so
/// two requests for one instance fetch it once.
/// </summary>
internal sealed class RetrievingImageSource(ReceivedImageSource local, ArchiveRetriever archive, RetrieveSettings settings) : IImageSource, IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken)
    {
        var resolution = await local.ResolveAsync(imageId, cancellationToken).ConfigureAwait(false);
        if (resolution.Outcome != ImageResolutionOutcome.Unknown)
        {
            return resolution;
        }

        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            resolution = await local.ResolveAsync(imageId, cancellationToken).ConfigureAwait(false);
            if (resolution.Outcome != ImageResolutionOutcome.Unknown)
            {
                return resolution;
            }

            return await archive.RetrieveAsync(imageId, cancellationToken).ConfigureAwait(false)
                ? await local.ResolveAsync(imageId, cancellationToken).ConfigureAwait(false)
                : ImageResolution.Invalid($"The archive {settings.Archive} holds no instance with this SOP Instance UID.");
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
