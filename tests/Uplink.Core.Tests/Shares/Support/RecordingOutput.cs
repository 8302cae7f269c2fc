using System.Collections.Concurrent;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Tests.Shares.Support;

/// <summary>
/// An output that keeps what it receives (the file bytes too, since the spool is cleaned later) and
/// can be told to fail the next deliveries or hand-offs.
/// </summary>
internal class RecordingOutput(string id = "Test.Output") : IOutputPlugin
{
    public string Id { get; } = id;

    public ConcurrentQueue<(OutboundInstance Instance, byte[] Bytes)> Delivered { get; } = new();

    public ConcurrentQueue<ShareCompletion> Completions { get; } = new();

    /// <summary>How each next delivery answers instead of delivering (one per call; <see cref="DeliveryStatus.Delivered"/> here means: throw).</summary>
    public ConcurrentQueue<DeliveryStatus?> DeliveryScript { get; } = new();

    /// <summary>How each next hand-off answers instead of completing.</summary>
    public ConcurrentQueue<DeliveryStatus?> CompletionScript { get; } = new();

    public ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken)
    {
        var results = new List<DeliveryResult>();
        foreach (var instance in batch)
        {
            if (DeliveryScript.TryDequeue(out var scripted) && scripted is { } status)
            {
                results.Add(status == DeliveryStatus.Delivered ? throw new IOException("disk full") : new DeliveryResult(status, instance.IdempotencyKey, $"scripted {status}"));
                continue;
            }

            Delivered.Enqueue((instance, File.ReadAllBytes(instance.FilePath)));
            results.Add(DeliveryResult.Delivered(instance.IdempotencyKey));
        }

        return ValueTask.FromResult<IReadOnlyList<DeliveryResult>>(results);
    }

    public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken)
    {
        if (CompletionScript.TryDequeue(out var scripted) && scripted is { } status)
        {
            return ValueTask.FromResult(new DeliveryResult(status, share.ShareId, $"scripted {status}"));
        }

        Completions.Enqueue(share);
        return ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
    }
}
