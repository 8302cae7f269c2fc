namespace Uplink.Core.Shares.Administration;

/// <summary>One share with each of its images, for an administrator: no patient values (no contact, names or image ids).</summary>
/// <param name="Share">The share's summary.</param>
/// <param name="Images">Its images by position.</param>
/// <param name="HandedOffTo">The outputs that took the share's hand-off, in the order they took it.</param>
public sealed record ShareDetail(ShareSummary Share, IReadOnlyList<ShareImageDetail> Images, IReadOnlyList<string> HandedOffTo);
