namespace Uplink.Core.Shares.Store;

/// <summary>How many items are in one state.</summary>
/// <param name="State">The state's wire name.</param>
/// <param name="Count">How many.</param>
/// <param name="OldestSince">When the oldest one's share was recorded.</param>
public sealed record StateCount(string State, long Count, long? OldestSince);
