namespace Uplink.Core.Shares.Pipeline;

/// <summary>Wakes idle workers when new work arrives, so a share does not wait for the next poll.</summary>
internal sealed class PipelineSignal(TimeProvider time)
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every waiting worker.</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for a pulse or for <paramref name="timeout"/>, whichever comes first.</summary>
    /// <param name="timeout">The longest wait (measured on the host's clock).</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes on a pulse or timeout.</returns>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(Volatile.Read(ref _next).Task, delay).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
