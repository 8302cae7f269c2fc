namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>The answer to <see cref="IShareIntake.SubmitAsync"/>.</summary>
/// <param name="ShareId">The share's id.</param>
/// <param name="State">The share's state now.</param>
/// <param name="Created">False when the request id had already made this share.</param>
public sealed record ShareReceipt(string ShareId, ShareState State, bool Created);
