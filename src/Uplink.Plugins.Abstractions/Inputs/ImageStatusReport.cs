namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>The status of one image of a share.</summary>
/// <param name="ImageId">The caller's image id.</param>
/// <param name="State">The image's state.</param>
/// <param name="Reason">Why it was set aside, discarded or failed, when it was.</param>
public sealed record ImageStatusReport(string ImageId, ImageState State, string? Reason);
