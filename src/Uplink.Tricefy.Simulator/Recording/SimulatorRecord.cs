using System.Collections.Concurrent;

namespace Uplink.Tricefy.Simulator.Recording;

/// <summary>What the simulator received: stored instances (by SOP Instance UID), shares and refusals.</summary>
public sealed class SimulatorRecord
{
    private readonly ConcurrentDictionary<string, ReceivedInstance> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedShare> _shares = new();
    private readonly ConcurrentQueue<Rejection> _rejections = new();
    private int _uploadRequests;
    private long _uploadTicks;

    /// <summary>The stored instances, one per SOP Instance UID.</summary>
    public IReadOnlyCollection<ReceivedInstance> Instances => [.. _instances.Values];

    /// <summary>The accepted share hand-offs, in arrival order.</summary>
    public IReadOnlyList<ReceivedShare> Shares => [.. _shares];

    /// <summary>The refused requests, in arrival order.</summary>
    public IReadOnlyList<Rejection> Rejections => [.. _rejections];

    /// <summary>How many upload requests (POST on the studies endpoint) arrived, whatever their fate.</summary>
    public int UploadRequests => Volatile.Read(ref _uploadRequests);

    /// <summary>The time the simulator spent handling upload requests, from headers in to answer out (for benchmarks).</summary>
    public TimeSpan UploadHandlingTime => TimeSpan.FromTicks(Volatile.Read(ref _uploadTicks));

    internal void CountUploadRequest() => Interlocked.Increment(ref _uploadRequests);

    internal void AddUploadHandlingTime(TimeSpan elapsed) => Interlocked.Add(ref _uploadTicks, elapsed.Ticks);

    internal void Store(ReceivedInstance instance) =>
        _instances.AddOrUpdate(instance.SopInstanceUid, instance, (_, old) => instance with { TimesReceived = old.TimesReceived + 1 });

    internal void AddShare(ReceivedShare share) => _shares.Enqueue(share);

    internal void Reject(Rejection rejection) => _rejections.Enqueue(rejection);
}
