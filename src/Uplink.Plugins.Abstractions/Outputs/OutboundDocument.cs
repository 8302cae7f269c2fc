namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>
/// Non-DICOM content of a share (a PDF report, a photo, a video) that the active profile keeps as it came. It is
/// not anonymized and cannot be verified, so it may only reach the patient password protected.
/// </summary>
/// <param name="ShareId">The share it belongs to.</param>
/// <param name="IdempotencyKey">Stable across retries and restarts (share id + SHA-256 of the content).</param>
/// <param name="FilePath">The content, byte for byte as the image source gave it.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="MediaType">The media type read from its first bytes (<c>application/pdf</c>, <c>image/jpeg</c>…), <c>application/octet-stream</c> when unknown.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record OutboundDocument(
    string ShareId,
    string IdempotencyKey,
    string FilePath,
    long Length,
    string MediaType,
    string Sha256);
