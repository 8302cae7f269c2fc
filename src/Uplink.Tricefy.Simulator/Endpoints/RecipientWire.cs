namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>The recipient's contact inside <see cref="ShareWire"/>.</summary>
internal sealed record RecipientWire(string? Email, string? Phone);
