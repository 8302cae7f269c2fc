namespace Uplink.Core.Shares.Store;

/// <summary>Throughput over the last hour.</summary>
/// <param name="SharesReceived">Shares recorded.</param>
/// <param name="SharesCompleted">Shares completed.</param>
/// <param name="ImagesSent">Images an output accepted.</param>
public sealed record LastHourCounts(long SharesReceived, long SharesCompleted, long ImagesSent);
