namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>A request to share an exam's images with a patient.</summary>
/// <param name="RequestId">The caller's idempotency key: the same id never makes a second share.</param>
/// <param name="ExamId">The caller's exam id (an opaque number, kept only to group the images).</param>
/// <param name="ImageIds">The caller's ids of the exam's images and clips, resolved by the input's <see cref="IImageSource"/>.</param>
/// <param name="Recipient">
/// Where the patient gets the link; goes to the output's share call only. <see cref="ShareRecipient.None"/>
/// (since contracts 1.3) routes the images without asking any output for a patient link.
/// </param>
/// <param name="SourcePluginId">The id of the input plugin whose image source resolves <paramref name="ImageIds"/>.</param>
/// <remarks>
/// <see cref="SourcePluginId"/> is host plumbing: the host knows which input's intake a request came through.
/// It is to be removed from the contract in 2.0.
/// </remarks>
public sealed record ShareRequest(
    string RequestId,
    string ExamId,
    IReadOnlyList<string> ImageIds,
    ShareRecipient Recipient,
    string SourcePluginId);
