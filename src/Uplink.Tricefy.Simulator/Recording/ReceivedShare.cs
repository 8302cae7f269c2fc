namespace Uplink.Tricefy.Simulator.Recording;

/// <summary>A patient-share hand-off the simulator accepted (see <c>docs/tricefy.md</c>).</summary>
/// <param name="ShareId">The share id Uplink sent.</param>
/// <param name="StudyInstanceUids">The anonymized studies to share.</param>
/// <param name="InstanceCount">How many instances Uplink says it delivered.</param>
/// <param name="Email">The recipient's e-mail, as received.</param>
/// <param name="Phone">The recipient's phone, as received.</param>
public sealed record ReceivedShare(
    string ShareId,
    IReadOnlyList<string> StudyInstanceUids,
    int InstanceCount,
    string? Email,
    string? Phone);
