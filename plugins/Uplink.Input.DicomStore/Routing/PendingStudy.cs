namespace Uplink.Input.DicomStore.Routing;

/// <summary>The received instances of one study not yet routed, and when the last of them arrived.</summary>
internal sealed class PendingStudy(DateTimeOffset lastReceived)
{
    public HashSet<string> SopInstanceUids { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset LastReceived { get; set; } = lastReceived;
}
