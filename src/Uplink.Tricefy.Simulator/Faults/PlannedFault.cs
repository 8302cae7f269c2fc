namespace Uplink.Tricefy.Simulator.Faults;

/// <summary>One queued fault.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Delay">How long to wait first (slow responses).</param>
internal sealed record PlannedFault(FaultKind Kind, TimeSpan Delay);
