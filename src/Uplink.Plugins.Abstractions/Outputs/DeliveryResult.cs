namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>The result of delivering one instance, or of a share hand-off.</summary>
/// <param name="Status">What happened.</param>
/// <param name="IdempotencyKey">The key of the instance (or the share id for a hand-off).</param>
/// <param name="Reason">Why it was set aside, is retried or was refused; never carries patient data.</param>
/// <remarks>
/// <see cref="IdempotencyKey"/> is host plumbing: the host records each result under the key it sent and
/// overwrites whatever an output puts here. It is to be removed from the contract in 2.0.
/// </remarks>
public sealed record DeliveryResult(DeliveryStatus Status, string IdempotencyKey, string? Reason)
{
    /// <summary>Delivered.</summary>
    /// <param name="key">The instance's idempotency key.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Delivered(string key) => new(DeliveryStatus.Delivered, key, null);

    /// <summary>Refused for good.</summary>
    /// <param name="key">The instance's idempotency key.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult SetAside(string key, string reason) => new(DeliveryStatus.SetAside, key, reason);

    /// <summary>A passing failure.</summary>
    /// <param name="key">The instance's idempotency key.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult Retry(string key, string reason) => new(DeliveryStatus.Retry, key, reason);

    /// <summary>Credentials rejected.</summary>
    /// <param name="key">The instance's idempotency key.</param>
    /// <param name="reason">What the destination said.</param>
    /// <returns>The result.</returns>
    public static DeliveryResult CredentialsRejected(string key, string reason) => new(DeliveryStatus.CredentialsRejected, key, reason);
}
