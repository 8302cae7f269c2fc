namespace Uplink.Tricefy.Simulator.Recording;

/// <summary>A request the simulator refused, with the status it answered and why.</summary>
/// <param name="Path">The request path.</param>
/// <param name="StatusCode">The HTTP status answered.</param>
/// <param name="Reason">The rule that refused it.</param>
public sealed record Rejection(string Path, int StatusCode, string Reason);
