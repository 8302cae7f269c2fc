using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>A share whose instances are all delivered or set aside.</summary>
/// <param name="ShareId">The share's id.</param>
/// <param name="Recipient">The patient's contact, decrypted for this call only.</param>
/// <param name="StudyInstanceUids">The anonymized studies the share delivered.</param>
/// <param name="DeliveredCount">How many instances were delivered.</param>
public sealed record ShareCompletion(
    string ShareId,
    ShareRecipient Recipient,
    IReadOnlyList<string> StudyInstanceUids,
    int DeliveredCount);
