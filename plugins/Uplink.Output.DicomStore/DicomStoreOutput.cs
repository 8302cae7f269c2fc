using Uplink.Dicom.Network;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomStore;

/// <summary>
/// Sends each share's instances over one association (proposing exactly the SOP class and transfer syntax
/// pairs of those files, sent as stored), records each instance's status, and turns network failures into
/// retries for the instances not yet acknowledged, so the host's back-off brings them back.
/// </summary>
internal sealed class DicomStoreOutput(DicomStoreOutputOptions options, TimeProvider time) : IOutputPlugin
{
    // Loaded once, so a missing or unreadable certificate fails the output's start, not each share.
    private readonly DicomTlsOptions? _tls = DicomTlsOptions.From(options.Tls);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new DeliveryResult[batch.Count];
        foreach (var share in batch.Select((instance, index) => (instance, index)).GroupBy(x => x.instance.ShareId))
        {
            await DeliverShareAsync([.. share], results, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <inheritdoc />
    public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        return ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
    }

    private async Task DeliverShareAsync((OutboundInstance Instance, int Index)[] share, DeliveryResult[] results, CancellationToken cancellationToken)
    {
        var pending = new List<(OutboundInstance Instance, int Index)>();
        var proposals = new List<DicomPresentationProposal>();
        foreach (var (instance, index) in share)
        {
            try
            {
                proposals.AddRange(DicomPresentationProposal.ForFiles([instance.FilePath]));
                pending.Add((instance, index));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                results[index] = DeliveryResult.SetAside(instance.IdempotencyKey, e is FileNotFoundException or DirectoryNotFoundException
                    ? "The anonymized file to deliver no longer exists."
                    : "The anonymized file is not a readable Part 10 file.");
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            var client = await DicomClient.ConnectAsync(ClientOptions(), [.. proposals.Distinct()], cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                while (pending.Count > 0)
                {
                    var (instance, index) = pending[0];
                    results[index] = await StoreOneAsync(client, instance, cancellationToken).ConfigureAwait(false);
                    pending.RemoveAt(0);
                }

                await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DicomNetworkException error)
        {
            // Everything the node has not acknowledged goes back to the host's back-off; what it did acknowledge stays delivered.
            foreach (var (instance, index) in pending)
            {
                results[index] = DeliveryResult.Retry(instance.IdempotencyKey, error.Message);
            }
        }
    }

    private static async Task<DeliveryResult> StoreOneAsync(DicomClient client, OutboundInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            return StoreStatusMapping.ToResult(instance.IdempotencyKey, await client.StoreAsync(instance.FilePath, cancellationToken).ConfigureAwait(false));
        }
        catch (DicomNetworkException error) when (client.IsOpen)
        {
            // The association is fine; the node just did not accept this file's SOP class and transfer syntax.
            return DeliveryResult.SetAside(instance.IdempotencyKey, error.Message);
        }
    }

    private DicomClientOptions ClientOptions()
    {
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        return new DicomClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            CalledAeTitle = options.CalledAeTitle,
            CallingAeTitle = options.CallingAeTitle,
            MaxPduLength = options.MaxPduLength,
            Timeouts = new DicomNetworkTimeouts(timeout, timeout, timeout),
            TimeProvider = time,
            Tls = _tls,
        };
    }
}
