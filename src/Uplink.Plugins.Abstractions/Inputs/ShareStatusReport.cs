namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>The status of a share, free of patient data.</summary>
/// <param name="ShareId">The share's id.</param>
/// <param name="State">The share's state.</param>
/// <param name="Reason">Why the share waits or failed, when it does.</param>
/// <param name="Images">Each image's state, in request order.</param>
public sealed record ShareStatusReport(
    string ShareId,
    ShareState State,
    string? Reason,
    IReadOnlyList<ImageStatusReport> Images);
