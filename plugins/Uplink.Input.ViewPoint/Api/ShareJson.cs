using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.ViewPoint.Api;

/// <summary>Writes the API's success answers: receipts and status. Neither carries patient data.</summary>
internal static class ShareJson
{
    /// <summary>Writes <c>202 {shareId, status}</c> with the share's location.</summary>
    /// <param name="context">The request.</param>
    /// <param name="receipt">The receipt.</param>
    /// <returns>A task that completes when written.</returns>
    public static async Task WriteReceiptAsync(HttpContext context, ShareReceipt receipt)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        context.Response.Headers.Location = $"/api/v1/shares/{receipt.ShareId}";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("shareId", receipt.ShareId);
        json.WriteString("status", StateNames.Of(receipt.State));
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes <c>200</c> with the share's and each image's status.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The status.</param>
    /// <returns>A task that completes when written.</returns>
    public static async Task WriteStatusAsync(HttpContext context, ShareStatusReport status)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("shareId", status.ShareId);
        json.WriteString("status", StateNames.Of(status.State));
        WriteReason(json, status.Reason);
        json.WriteStartArray("images");
        foreach (var image in status.Images)
        {
            json.WriteStartObject();
            json.WriteString("imageId", image.ImageId);
            json.WriteString("status", StateNames.Of(image.State));
            WriteReason(json, image.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteReason(Utf8JsonWriter json, string? reason)
    {
        if (reason is not null)
        {
            json.WriteString("reason", reason);
        }
    }
}
