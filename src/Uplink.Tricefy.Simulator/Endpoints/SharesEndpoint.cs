using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Uplink.Tricefy.Simulator.Recording;

namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>
/// <c>{base}/uplink/shares</c>: the patient-share hand-off of <c>docs/tricefy.md</c>. It is not part of
/// Tricefy's published API; the simulator implements Uplink's documented side of it and records it.
/// </summary>
internal sealed class SharesEndpoint(SimulatorState state)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PostAsync(HttpContext context)
    {
        if (await FaultResponder.TryApplyAsync(context, state).ConfigureAwait(false))
        {
            return;
        }

        if (!state.Credentials.Accepts(context.Request))
        {
            await Responses.RejectAsync(context, state.Record, StatusCodes.Status401Unauthorized, "Missing or wrong Basic credentials (email:token).").ConfigureAwait(false);
            return;
        }

        if (!context.Request.HasJsonContentType())
        {
            await Responses.RejectAsync(context, state.Record, StatusCodes.Status415UnsupportedMediaType, "A share hand-off is application/json.").ConfigureAwait(false);
            return;
        }

        ShareWire? wire;
        try
        {
            wire = await JsonSerializer.DeserializeAsync<ShareWire>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await Responses.RejectAsync(context, state.Record, StatusCodes.Status400BadRequest, $"The share body is not valid JSON: {ex.Message}").ConfigureAwait(false);
            return;
        }

        var problem = Validate(wire);
        if (problem is not null)
        {
            await Responses.RejectAsync(context, state.Record, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        var repeat = state.Record.Shares.Any(s => s.ShareId == wire!.ShareId);
        if (!repeat)
        {
            state.Record.AddShare(new ReceivedShare(wire!.ShareId!, wire.StudyInstanceUids!, wire.InstanceCount, wire.Recipient!.Email, wire.Recipient.Phone));
        }

        context.Response.StatusCode = repeat ? StatusCodes.Status200OK : StatusCodes.Status202Accepted;
    }

    private static string? Validate(ShareWire? wire)
    {
        if (string.IsNullOrWhiteSpace(wire?.ShareId))
        {
            return "shareId is required.";
        }

        if (wire.StudyInstanceUids is not { Count: > 0 })
        {
            return "studyInstanceUids must name at least one study.";
        }

        return string.IsNullOrWhiteSpace(wire.Recipient?.Email) && string.IsNullOrWhiteSpace(wire.Recipient?.Phone)
            ? "recipient needs an email or a phone."
            : null;
    }
}
