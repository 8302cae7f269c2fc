using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Uplink.Input.ViewPoint.Api;

/// <summary>An RFC 7807 <c>application/problem+json</c> answer.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Kind">The problem kind; the type URI is <c>urn:uplink:problem:{kind}</c>.</param>
/// <param name="Title">A short, fixed summary of the kind.</param>
/// <param name="Detail">What exactly was wrong with this request.</param>
internal sealed record ApiProblem(int Status, string Kind, string Title, string Detail)
{
    /// <summary>Field errors, for invalid requests.</summary>
    public IReadOnlyList<FieldError>? Errors { get; init; }

    /// <summary>The image ids the image store does not have.</summary>
    public IReadOnlyList<string>? UnknownImageIds { get; init; }

    /// <summary>Writes the problem as the response.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when written.</returns>
    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/problem+json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("type", $"urn:uplink:problem:{Kind}");
        json.WriteString("title", Title);
        json.WriteNumber("status", Status);
        json.WriteString("detail", Detail);
        json.WriteString("instance", context.Request.Path.Value);
        if (Errors is not null)
        {
            json.WriteStartArray("errors");
            foreach (var error in Errors)
            {
                json.WriteStartObject();
                json.WriteString("field", error.Field);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (UnknownImageIds is not null)
        {
            json.WriteStartArray("unknownImageIds");
            foreach (var id in UnknownImageIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
