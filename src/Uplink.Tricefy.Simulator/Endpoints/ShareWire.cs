namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>The JSON body of the patient-share hand-off, as documented in <c>docs/tricefy.md</c>.</summary>
internal sealed record ShareWire(string? ShareId, IReadOnlyList<string>? StudyInstanceUids, int InstanceCount, RecipientWire? Recipient);
