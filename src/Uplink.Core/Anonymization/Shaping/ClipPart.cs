namespace Uplink.Core.Anonymization.Shaping;

/// <summary>One part of a split clip, as planned: what the shaping verifier holds the written part to.</summary>
/// <param name="Number">The 1-based part number (In-concatenation Number).</param>
/// <param name="Total">How many parts there are (In-concatenation Total Number).</param>
/// <param name="FrameOffset">The clip's frames before this part (Concatenation Frame Offset Number).</param>
/// <param name="FrameCount">The part's frames (Number of Frames).</param>
/// <param name="Path">The written part.</param>
internal sealed record ClipPart(int Number, int Total, int FrameOffset, int FrameCount, string Path);
