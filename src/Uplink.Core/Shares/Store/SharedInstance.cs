using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>What became of one image of a share, with the anonymized identity it was sent under.</summary>
/// <param name="ImageId">The caller's image id.</param>
/// <param name="State">The image's state.</param>
/// <param name="Reason">Why it was set aside, discarded or failed.</param>
/// <param name="SopInstanceUid">The anonymized SOP Instance UID, once anonymized.</param>
public sealed record SharedInstance(string ImageId, ImageState State, string? Reason, string? SopInstanceUid);
