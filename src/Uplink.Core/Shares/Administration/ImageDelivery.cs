namespace Uplink.Core.Shares.Administration;

/// <summary>An output that has an image.</summary>
/// <param name="OutputId">The output plugin's id.</param>
/// <param name="DeliveredAt">When it took the image.</param>
public sealed record ImageDelivery(string OutputId, DateTimeOffset DeliveredAt);
