namespace Uplink.Output.Tricefy.Sharing;

/// <summary>The JSON body of the hand-off; its wire form is documented in <c>docs/tricefy.md</c>.</summary>
/// <param name="ShareId">Uplink's share id (also sent as <c>Idempotency-Key</c>).</param>
/// <param name="StudyInstanceUids">The anonymized studies to share.</param>
/// <param name="InstanceCount">How many instances were delivered.</param>
/// <param name="Recipient">The contact.</param>
internal sealed record ShareHandoffBody(string ShareId, IReadOnlyList<string> StudyInstanceUids, int InstanceCount, ShareHandoffRecipient Recipient);
