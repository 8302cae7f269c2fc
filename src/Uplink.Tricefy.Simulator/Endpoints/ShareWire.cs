namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>The JSON body of the patient-share hand-off, as documented in <c>docs/tricefy.md</c>.</summary>
internal sealed record ShareWire(string? ShareId, IReadOnlyList<string>? StudyInstanceUids, int InstanceCount, RecipientWire? Recipient);

/// <summary>The recipient's contact inside <see cref="ShareWire"/>.</summary>
internal sealed record RecipientWire(string? Email, string? Phone);
