namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>Where a share stands.</summary>
public enum ShareState
{
    /// <summary>Recorded; images are waiting or in progress.</summary>
    Queued,

    /// <summary>Waiting for an output that is failing; the reason says why.</summary>
    Waiting,

    /// <summary>Every image is sent or set aside, and the recipient has been handed to the output.</summary>
    Completed,

    /// <summary>The share cannot complete (for example rejected credentials); the reason says why.</summary>
    Failed,
}
