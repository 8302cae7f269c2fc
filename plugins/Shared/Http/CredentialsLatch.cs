namespace Uplink.Plugins.Shared.Http;

/// <summary>
/// The stop-after-401 rule. Once the destination rejects the credentials (401 or 403), the output sends nothing
/// more: every later request is answered "not attempted" at once, so wrong credentials cost one request, not one
/// per image and retry. The latch lives as long as the plugin's services, so it opens again only when the host
/// configures the plugin again (after <c>uplink setup</c> and a restart), which is how credentials change.
/// </summary>
internal sealed class CredentialsLatch
{
    private string? _rejection;

    /// <summary>What the destination said when it rejected the credentials, or null while they are not known to be wrong.</summary>
    public string? Rejection => Volatile.Read(ref _rejection);

    /// <summary>Closes the latch; the first rejection is the one kept.</summary>
    /// <param name="reason">What the destination said.</param>
    /// <returns>True when this call closed it (so the caller reports it once).</returns>
    public bool Close(string reason) => Interlocked.CompareExchange(ref _rejection, reason, null) is null;
}
