using Microsoft.AspNetCore.Http;
using Uplink.Tricefy.Simulator.Recording;

namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>Refusals: the status, a plain-text reason, and an entry in the record.</summary>
internal static class Responses
{
    public static Task RejectAsync(HttpContext context, SimulatorRecord record, int statusCode, string reason)
    {
        record.Reject(new Rejection(context.Request.Path, statusCode, reason));
        context.Response.StatusCode = statusCode;
        if (statusCode == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Tricefy\"";
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason, context.RequestAborted);
    }
}
