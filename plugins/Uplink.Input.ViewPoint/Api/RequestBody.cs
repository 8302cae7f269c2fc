using Microsoft.AspNetCore.Http;

namespace Uplink.Input.ViewPoint.Api;

/// <summary>Reads a JSON request body up to a limit, refusing anything larger or not JSON.</summary>
internal static class RequestBody
{
    /// <summary>Reads the body.</summary>
    /// <param name="context">The request.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <returns>The body, or the problem to answer with.</returns>
    public static async Task<(ReadOnlyMemory<byte> Body, ApiProblem? Problem)> ReadAsync(HttpContext context, int limit)
    {
        var request = context.Request;
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, Problems.NotJsonContent(request.ContentType));
        }

        if (request.ContentLength > limit)
        {
            return (default, Problems.BodyTooLarge(request.ContentLength, limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (default, Problems.BodyTooLarge(null, limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, Problems.BodyTooLarge(null, limit));
        }

        return (buffer.ToArray(), null);
    }
}
