namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>One anonymized, verified instance ready to deliver.</summary>
/// <param name="ShareId">The share it belongs to.</param>
/// <param name="IdempotencyKey">Stable across retries and restarts (share id + SOP Instance UID): outputs that can tell use it to never deliver twice.</param>
/// <param name="FilePath">The anonymized Part 10 file.</param>
/// <param name="Length">The file's length in bytes.</param>
/// <param name="SopClassUid">SOP Class UID.</param>
/// <param name="SopInstanceUid">The anonymized SOP Instance UID.</param>
/// <param name="StudyInstanceUid">The anonymized Study Instance UID.</param>
/// <param name="SeriesInstanceUid">The anonymized Series Instance UID.</param>
/// <param name="TransferSyntaxUid">The file's transfer syntax.</param>
public sealed record OutboundInstance(
    string ShareId,
    string IdempotencyKey,
    string FilePath,
    long Length,
    string SopClassUid,
    string SopInstanceUid,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string TransferSyntaxUid);
