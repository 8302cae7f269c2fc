using Microsoft.AspNetCore.Http;
using Uplink.Tricefy.Simulator.Faults;

namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>Applies the next queued fault, if any, before the request reaches the rules.</summary>
internal static class FaultResponder
{
    /// <summary>Returns true when the fault has answered (or dropped) the request.</summary>
    public static async Task<bool> TryApplyAsync(HttpContext context, SimulatorState state)
    {
        var fault = state.Faults.Take();
        switch (fault?.Kind)
        {
            case null:
                return false;
            case FaultKind.SlowResponse:
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                return false;
            case FaultKind.ServiceUnavailable:
                context.Response.Headers.RetryAfter = "1";
                await Responses.RejectAsync(context, state.Record, StatusCodes.Status503ServiceUnavailable, "Injected fault: service unavailable.").ConfigureAwait(false);
                return true;
            case FaultKind.Unauthorized:
                await Responses.RejectAsync(context, state.Record, StatusCodes.Status401Unauthorized, "Injected fault: credentials revoked.").ConfigureAwait(false);
                return true;
            default:
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                return true;
        }
    }
}
