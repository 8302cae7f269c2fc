namespace Uplink.Output.Tricefy.Preflight;

/// <summary>One file to upload: the instance itself, its rewritten copy, or one part of a split clip.</summary>
/// <param name="Key">Its idempotency key (the instance's key, plus <c>#part-N</c> for clip parts).</param>
/// <param name="Path">The Part 10 file to send.</param>
/// <param name="Length">Its length in bytes.</param>
internal sealed record UploadPart(string Key, string Path, long Length);
