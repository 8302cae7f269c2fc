using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Uplink.Tricefy.Simulator.Recording;
using Uplink.Tricefy.Simulator.Rules;

namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>
/// <c>{base}/dicomweb/studies</c>: <c>GET</c> verifies the credentials; <c>POST</c> takes one raw Part 10 file
/// under the published rules (Basic auth, <c>application/dicom</c>, 10 MB, the request budget,
/// the accepted transfer syntaxes and SOP classes) and stores it by SOP Instance UID.
/// </summary>
internal sealed class StudiesEndpoint(SimulatorState state)
{
    public async Task GetAsync(HttpContext context)
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

        context.Response.ContentType = "application/dicom+json";
        await context.Response.WriteAsync("[]", context.RequestAborted).ConfigureAwait(false);
    }

    public async Task PostAsync(HttpContext context)
    {
        state.Record.CountUploadRequest();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await HandlePostAsync(context).ConfigureAwait(false);
        }
        finally
        {
            state.Record.AddUploadHandlingTime(Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task HandlePostAsync(HttpContext context)
    {
        if (await FaultResponder.TryApplyAsync(context, state).ConfigureAwait(false))
        {
            return;
        }

        var refusal = CheckEnvelope(context.Request);
        if (refusal is not null)
        {
            await Responses.RejectAsync(context, state.Record, refusal.Value.Status, refusal.Value.Reason).ConfigureAwait(false);
            return;
        }

        var body = await BodyReader.ReadAsync(context, state.Options.MaxFileBytes, state.Options.RequestBudget).ConfigureAwait(false);
        if (body.Refusal is { } bodyRefusal)
        {
            await Responses.RejectAsync(context, state.Record, bodyRefusal.Status, bodyRefusal.Reason).ConfigureAwait(false);
            if (bodyRefusal.Status == StatusCodes.Status408RequestTimeout)
            {
                context.Abort();
            }

            return;
        }

        await AcceptAsync(context, body.Bytes).ConfigureAwait(false);
    }

    private (int Status, string Reason)? CheckEnvelope(HttpRequest request)
    {
        if (!state.Credentials.Accepts(request))
        {
            return (StatusCodes.Status401Unauthorized, "Missing or wrong Basic credentials (email:token).");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, PublishedRules.DicomMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be '{PublishedRules.DicomMediaType}' with one file per request; got '{request.ContentType}'.");
        }

        if (request.ContentLength > state.Options.MaxFileBytes)
        {
            return (StatusCodes.Status413PayloadTooLarge, $"The file has {request.ContentLength} bytes; at most {state.Options.MaxFileBytes} are accepted.");
        }

        return null;
    }

    private async Task AcceptAsync(HttpContext context, byte[] file)
    {
        var header = Part10Header.TryRead(file, out var error);
        if (header is null)
        {
            await Responses.RejectAsync(context, state.Record, StatusCodes.Status400BadRequest, error!).ConfigureAwait(false);
            return;
        }

        if (!PublishedRules.TransferSyntaxes.Contains(header.TransferSyntaxUid))
        {
            await Responses.RejectAsync(context, state.Record, StatusCodes.Status415UnsupportedMediaType, $"Transfer syntax {header.TransferSyntaxUid} is not accepted.").ConfigureAwait(false);
            return;
        }

        if (!PublishedRules.SopClasses.Contains(header.SopClassUid))
        {
            await Responses.RejectAsync(context, state.Record, StatusCodes.Status409Conflict, $"SOP class {header.SopClassUid} is not accepted.").ConfigureAwait(false);
            return;
        }

        if (!header.SopInstanceUid.All(c => c is '.' or (>= '0' and <= '9')))
        {
            await Responses.RejectAsync(context, state.Record, StatusCodes.Status400BadRequest, "Media Storage SOP Instance UID is not a UID.").ConfigureAwait(false);
            return;
        }

        var path = Path.Combine(state.StorageDirectory, header.SopInstanceUid + ".dcm");
        await File.WriteAllBytesAsync(path, file, context.RequestAborted).ConfigureAwait(false);
        state.Record.Store(new ReceivedInstance(header.SopInstanceUid, header.SopClassUid, header.TransferSyntaxUid, file.Length, path, 1));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/dicom+json";
        await context.Response.WriteAsync($"{{\"00081199\":{{\"vr\":\"SQ\",\"Value\":[{{\"00081155\":{{\"vr\":\"UI\",\"Value\":[\"{header.SopInstanceUid}\"]}}}}]}}}}", context.RequestAborted).ConfigureAwait(false);
    }
}
