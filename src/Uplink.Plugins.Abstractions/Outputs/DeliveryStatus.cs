namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>The outcome of delivering one instance.</summary>
public enum DeliveryStatus
{
    /// <summary>Delivered (or already there: a repeat is not an error).</summary>
    Delivered,

    /// <summary>The destination refuses this instance for good; it is set aside with the reason.</summary>
    SetAside,

    /// <summary>A passing failure (outage, 5xx, timeout); the host retries with back-off.</summary>
    Retry,

    /// <summary>The destination rejected the credentials; the output stops until an admin fixes them.</summary>
    CredentialsRejected,
}
