namespace Uplink.Input.ViewPoint.Api;

/// <summary>Every problem the API answers with, in one place (the OpenAPI document lists the same kinds).</summary>
internal static class Problems
{
    /// <summary>No <c>Authorization: Bearer</c> header (401).</summary>
    /// <returns>The problem.</returns>
    public static ApiProblem MissingKey() => new(401, "missing-api-key", "No API key", "Send the API key created by 'uplink setup' as 'Authorization: Bearer KEY'.");

    /// <summary>A key that is not the site's (401).</summary>
    /// <returns>The problem.</returns>
    public static ApiProblem BadKey() => new(401, "invalid-api-key", "Wrong API key", "The API key in the Authorization header is not this Uplink's key.");

    /// <summary>Too many wrong keys from this client within the window (429).</summary>
    /// <param name="retryAfter">The retryAfter to report.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem Throttled(TimeSpan retryAfter) => new(429, "too-many-bad-keys", "Too many wrong API keys", $"Too many wrong API keys came from this client; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.");

    /// <summary>A body over the configured limit (413).</summary>
    /// <param name="length">The length to report.</param>
    /// <param name="limit">The limit to report.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem BodyTooLarge(long? length, int limit) => new(413, "body-too-large", "Request body too large", length is { } l
        ? $"The body is {l} bytes; at most {limit} are accepted."
        : $"The body is longer than the {limit} bytes accepted.");

    /// <summary>A body that is not <c>application/json</c> (415).</summary>
    /// <param name="contentType">The contentType to report.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem NotJsonContent(string? contentType) => new(415, "unsupported-media-type", "Not JSON", $"The body must be application/json, not '{contentType ?? "(none)"}'.");

    /// <summary>A body that does not parse as JSON, with the place it broke (400).</summary>
    /// <param name="where">The where to report.</param>
    /// <param name="what">The what to report.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem BadJson(string where, string what) => new(400, "malformed-json", "The body is not valid JSON", $"The body is not valid JSON at {where}: {what}");

    /// <summary>Fields that are missing or break a rule, each named (400).</summary>
    /// <param name="errors">The errors to report.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem Invalid(IReadOnlyList<FieldError> errors) => new(400, "invalid-request", "The request is invalid", string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}.")))
    {
        Errors = errors,
    };

    /// <summary>More images than one share may name (400).</summary>
    /// <param name="count">The count to report.</param>
    /// <param name="limit">The limit to report.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem TooManyImages(int count, int limit) => new(400, "too-many-images", "Too many images", $"The share names {count} images; at most {limit} are accepted in one share.");

    /// <summary>Image ids the image store has no file for, listed (422).</summary>
    /// <param name="ids">The ids to report.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem UnknownImages(IReadOnlyList<string> ids) => new(422, "unknown-images", "Unknown image ids", $"The image store has no file for {ids.Count} of the image ids: {string.Join(", ", ids)}.")
    {
        UnknownImageIds = ids,
    };

    /// <summary>A share id that names no share (404).</summary>
    /// <param name="shareId">The shareId to report.</param>
    /// <returns>The problem.</returns>
    public static ApiProblem UnknownShare(string shareId) => new(404, "unknown-share", "No such share", $"There is no share with id '{shareId}'.");

    /// <summary>The store failed, so nothing was queued (503).</summary>
    /// <returns>The problem.</returns>
    public static ApiProblem NotRecorded() => new(503, "not-recorded", "The share was not recorded", "Uplink could not record the share, so nothing was queued; send the same request again.");
}
