namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>
/// A long-running source of share requests. The host runs it under a supervisor: if
/// <see cref="RunAsync"/> throws, the input is marked faulted and restarted with back-off, and the
/// host keeps serving everything else.
/// </summary>
public interface IInputPlugin
{
    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, handing requests to <paramref name="intake"/>.</summary>
    /// <param name="intake">Where accepted requests go; it records them durably before answering.</param>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>A task that completes when the input has stopped.</returns>
    Task RunAsync(IShareIntake intake, CancellationToken cancellationToken);
}
