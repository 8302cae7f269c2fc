namespace Uplink.Tricefy.Simulator.Faults;

/// <summary>A queue of faults applied, one per request, to the next requests that reach the simulator.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Queue<PlannedFault> _planned = new();

    /// <summary>How many queued faults are still waiting for a request.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _planned.Count;
            }
        }
    }

    /// <summary>Queues a fault for the next <paramref name="count"/> requests.</summary>
    /// <param name="kind">What to do.</param>
    /// <param name="count">On how many requests.</param>
    /// <param name="delay">For <see cref="FaultKind.SlowResponse"/>, how long to wait.</param>
    public void Enqueue(FaultKind kind, int count = 1, TimeSpan? delay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _planned.Enqueue(new PlannedFault(kind, delay ?? TimeSpan.Zero));
            }
        }
    }

    /// <summary>Forgets every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _planned.Clear();
        }
    }

    internal PlannedFault? Take()
    {
        lock (_gate)
        {
            return _planned.TryDequeue(out var fault) ? fault : null;
        }
    }
}
