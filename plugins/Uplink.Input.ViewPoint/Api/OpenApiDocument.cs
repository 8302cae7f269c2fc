using Microsoft.AspNetCore.Http;

namespace Uplink.Input.ViewPoint.Api;

/// <summary>
/// Serves the OpenAPI document checked in at <c>docs/openapi/viewpoint-api.json</c>, embedded at
/// build time, byte for byte (a test keeps the served and the checked-in document equal).
/// </summary>
internal static class OpenApiDocument
{
    /// <summary>The embedded resource's name.</summary>
    public const string ResourceName = "Uplink.Input.ViewPoint.openapi.json";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The ViewPoint plugin was built without its OpenAPI document ({ResourceName}).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>Writes the document.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(Document.Value, context.RequestAborted).AsTask();
    }
}
