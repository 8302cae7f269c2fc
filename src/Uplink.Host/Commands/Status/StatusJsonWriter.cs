using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uplink.Core.Shares.Store;

namespace Uplink.Host.Commands.Status;

/// <summary><c>uplink status --json</c>: the status as one JSON object; times ISO 8601 UTC, ages in seconds.</summary>
internal static class StatusJsonWriter
{
    /// <summary>Renders the status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(StoreStatus status) => new JsonObject
    {
        ["at"] = Time(status.At),
        ["images"] = States(status.Images, status.At),
        ["shares"] = States(status.Shares, status.At),
        ["lastHour"] = new JsonObject
        {
            ["sharesReceived"] = status.LastHour.SharesReceived,
            ["sharesCompleted"] = status.LastHour.SharesCompleted,
            ["imagesSent"] = status.LastHour.ImagesSent,
        },
        ["setAsideOrFailed"] = new JsonArray([.. status.Problems.Select(p => new JsonObject
        {
            ["shareId"] = p.ShareId,
            ["position"] = p.Position,
            ["examIdHash"] = p.ExamIdHash,
            ["state"] = p.State,
            ["reason"] = p.Reason,
            ["at"] = p.At is { } at ? Time(at) : null,
        })]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonObject States(IReadOnlyList<StateCount> counts, long now)
    {
        var states = new JsonObject();
        foreach (var count in counts)
        {
            states[count.State] = new JsonObject
            {
                ["count"] = count.Count,
                ["oldestAgeSeconds"] = count.OldestSince is { } since ? Math.Round((now - since) / 1000.0, 1) : null,
            };
        }

        return states;
    }

    private static string Time(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
