using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Uplink.Input.ViewPoint.Api;

/// <summary>
/// Checks <c>Authorization: Bearer KEY</c> in constant time (SHA-256 of both sides, compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>). A client that sends
/// <see cref="ViewPointOptions.BadKeyLimit"/> wrong keys within the window is refused, whatever it
/// sends, until the window has passed.
/// </summary>
internal sealed class ApiKeyGate
{
    private readonly byte[] _expected;
    private readonly ViewPointOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ApiKeyGate(ViewPointOptions options, TimeProvider time)
    {
        _expected = SHA256.HashData(Encoding.UTF8.GetBytes(ReadKey(options)));
        _options = options;
        _time = time;
    }

    /// <summary>Checks the request's key.</summary>
    /// <param name="context">The request.</param>
    /// <returns>Null when the key is right, otherwise the problem to answer with.</returns>
    public ApiProblem? Check(HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (Recent(client, now) is { Count: var count } recent && count >= _options.BadKeyLimit)
            {
                var retryAfter = recent.Peek() + _options.BadKeyWindow - now;
                context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problems.Throttled(retryAfter);
            }
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.MissingKey();
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim()));
        if (CryptographicOperations.FixedTimeEquals(presented, _expected))
        {
            return null;
        }

        lock (_gate)
        {
            if (!_failures.TryGetValue(client, out var queue))
            {
                _failures[client] = queue = new Queue<DateTimeOffset>();
            }

            queue.Enqueue(now);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Problems.BadKey();
    }

    private static string ReadKey(ViewPointOptions options) =>
        ViewPointSettingRules.KeyProblem(options) is { } problem ? throw new InvalidOperationException(problem)
        : !string.IsNullOrWhiteSpace(options.ApiKey) ? options.ApiKey.Trim()
        : File.ReadAllText(options.ApiKeyFile!).Trim();

    private Queue<DateTimeOffset>? Recent(string client, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(client, out var queue))
        {
            return null;
        }

        while (queue.Count > 0 && queue.Peek() + _options.BadKeyWindow <= now)
        {
            queue.Dequeue();
        }

        if (queue.Count == 0)
        {
            _failures.Remove(client);
            return null;
        }

        return queue;
    }
}
