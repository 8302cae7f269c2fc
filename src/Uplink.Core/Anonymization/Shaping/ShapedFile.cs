namespace Uplink.Core.Anonymization.Shaping;

/// <summary>One file an output may send: the verified instance itself, its conversion, or one part of a split clip.</summary>
/// <param name="Path">The Part 10 file.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Sha256">Its SHA-256 (lower-case hex), read back from disk after it was verified.</param>
/// <param name="SopInstanceUid">Its SOP Instance UID (a part's is derived by <see cref="PartUids"/>).</param>
/// <param name="TransferSyntaxUid">Its transfer syntax.</param>
/// <param name="Part">Its 1-based part number, or 0 when it is the whole instance.</param>
internal sealed record ShapedFile(string Path, long Length, string Sha256, string SopInstanceUid, string TransferSyntaxUid, int Part);
