using System.Globalization;
using Microsoft.AspNetCore.Http;
using Uplink.Tricefy.Simulator.Faults;

namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>
/// <c>{base}/_simulator/…</c>: fault injection and a summary over HTTP, for the demo and manual runs
/// (tests use <see cref="TricefySimulator.Faults"/> directly). Never part of the simulated API.
/// </summary>
internal sealed class ControlEndpoint(SimulatorState state)
{
    /// <summary><c>POST /_simulator/faults/{kind}?count=N&amp;delayMs=M</c>.</summary>
    public async Task PostFaultAsync(HttpContext context)
    {
        var kindText = context.Request.RouteValues["kind"] as string;
        if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"Unknown fault '{kindText}'; use one of {string.Join(", ", Enum.GetNames<FaultKind>())}.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var count = int.TryParse(context.Request.Query["count"], CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 1;
        var delayMs = int.TryParse(context.Request.Query["delayMs"], CultureInfo.InvariantCulture, out var d) ? d : 0;
        state.Faults.Enqueue(kind, count, TimeSpan.FromMilliseconds(delayMs));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary><c>GET /_simulator/received</c>: counts only, never a contact.</summary>
    public Task GetSummaryAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(
            new
            {
                instances = state.Record.Instances.Count,
                uploadRequests = state.Record.UploadRequests,
                shares = state.Record.Shares.Count,
                rejections = state.Record.Rejections.Count,
                pendingFaults = state.Faults.Pending,
            },
            context.RequestAborted);
}
