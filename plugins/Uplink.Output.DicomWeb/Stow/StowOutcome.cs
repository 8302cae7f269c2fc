using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Shared.Http;

namespace Uplink.Output.DicomWeb.Stow;

/// <summary>
/// Reads a STOW answer for its one instance (PS3.18 10.5.3) once the shared rules (<see cref="UploadFailures"/>)
/// have settled credentials and passing faults: the instance's own outcome from the Referenced and Failed SOP
/// Sequences where the server gives one; otherwise a 200 is delivered, another 2xx is retried (not confirmed),
/// 415 and other answers set the instance aside.
/// </summary>
internal static class StowOutcome
{
    public static DeliveryResult Map(int status, string said, string responseBody, OutboundInstance instance)
    {
        var key = instance.IdempotencyKey;
        var body = StowResponse.Parse(responseBody);
        if (body.Failed.TryGetValue(instance.SopInstanceUid, out var code))
        {
            return FailureReasons.Classify(key, code);
        }

        if (body.Stored.Contains(instance.SopInstanceUid) && status is >= 200 and < 300)
        {
            return DeliveryResult.Delivered(key);
        }

        return status switch
        {
            200 => DeliveryResult.Delivered(key),
            > 200 and < 300 => DeliveryResult.Retry(key, $"{said} and did not confirm this instance."),
            415 => DeliveryResult.SetAside(key, $"{said}: it does not take multipart/related application/dicom, or not this transfer syntax."),
            _ => DeliveryResult.SetAside(key, $"{said}."),
        };
    }
}
