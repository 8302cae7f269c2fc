using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomWeb.Stow;

/// <summary>
/// Reads one STOW answer per instance (PS3.18 10.5.3): each instance by its own outcome from the
/// Referenced and Failed SOP Sequences; 401/403 credentials; 5xx, 408, 429 and no answer retried;
/// 415 and other 4xx set aside. Returns null when the batch must be split to find out (400, 413,
/// or 409 without per-instance detail), so one bad file cannot sink the others.
/// </summary>
internal static class StowOutcome
{
    public static DeliveryResult?[]? Map(StowAttempt attempt, IReadOnlyList<OutboundInstance> batch)
    {
        var all = (Func<string, DeliveryResult> make) => batch.Select(i => (DeliveryResult?)make(i.IdempotencyKey)).ToArray();
        var said = $"The STOW-RS server answered {attempt.Said}";
        switch (attempt.Status)
        {
            case null:
                return all(k => DeliveryResult.Retry(k, $"STOW-RS failed: {attempt.Said}."));
            case 401 or 403:
                return all(k => DeliveryResult.CredentialsRejected(k, $"{said}: the credentials are wrong or lack the right to store."));
            case >= 500 or 408 or 429:
                return all(k => DeliveryResult.Retry(k, $"{said}."));
            case >= 200 and < 300:
                return [.. batch.Select(i => PerInstance(i, attempt, attempt.Status == 200 ? DeliveryResult.Delivered(i.IdempotencyKey) : DeliveryResult.Retry(i.IdempotencyKey, $"{said} and did not confirm this instance.")))];
            case 409 when batch.Any(i => attempt.Body.Failed.ContainsKey(i.SopInstanceUid)):
                // Listed failures are final; the unlisted were not stored and get null: the caller resends them alone.
                return [.. batch.Select(i => attempt.Body.Failed.ContainsKey(i.SopInstanceUid) ? PerInstance(i, attempt, null) : null)];
            case 400 or 409 or 413 when batch.Count > 1:
                return null;
            case 415:
                return all(k => DeliveryResult.SetAside(k, $"{said}: it does not take multipart/related application/dicom, or not this transfer syntax."));
            default:
                return all(k => DeliveryResult.SetAside(k, $"{said}."));
        }
    }

    private static DeliveryResult? PerInstance(OutboundInstance instance, StowAttempt attempt, DeliveryResult? otherwise)
    {
        if (attempt.Body.Failed.TryGetValue(instance.SopInstanceUid, out var code))
        {
            return FailureReasons.Classify(instance.IdempotencyKey, code);
        }

        return attempt.Body.Stored.Contains(instance.SopInstanceUid) ? DeliveryResult.Delivered(instance.IdempotencyKey) : otherwise;
    }
}
