using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Shares.Store;

namespace Uplink.Host.Hosting.Health;

/// <summary>
/// The detailed health an admin reads behind the admin key: each plugin loaded or refused with its reason,
/// the data folder (writable, free space), the store, each output's last success and failure, and the age of
/// the oldest waiting image. Ids, states, times and counts only: no patient data, no exception text.
/// </summary>
/// <param name="states">Every plugin's state.</param>
/// <param name="plugins">The active plugins.</param>
/// <param name="store">The store's health reader.</param>
/// <param name="uplink">The host options (the data folder).</param>
/// <param name="health">The health settings.</param>
/// <param name="time">The clock.</param>
internal sealed class HealthDetailReport(PluginStates states, PluginSystem plugins, StoreHealthReader store, IOptions<UplinkOptions> uplink, IOptions<HealthOptions> health, TimeProvider time)
{
    private const string ProbeFile = ".health-probe";

    /// <summary>Builds the report.</summary>
    /// <param name="report">The result of every health check.</param>
    /// <returns>The JSON document.</returns>
    public JsonObject Build(HealthReport report)
    {
        var now = time.GetUtcNow();
        var checks = new JsonObject();
        foreach (var (name, entry) in report.Entries)
        {
            checks[name] = new JsonObject { ["status"] = entry.Status.ToString(), ["description"] = entry.Description };
        }

        return new JsonObject
        {
            ["status"] = report.Status.ToString(),
            ["checkedAt"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["checks"] = checks,
            ["plugins"] = new JsonArray([.. states.All.Select(Plugin)]),
            ["dataFolder"] = DataFolder(uplink.Value.DataDirectory),
            ["store"] = new JsonObject { ["reachable"] = report.Entries.TryGetValue("store", out var s) && s.Status == HealthStatus.Healthy },
            ["outputs"] = Outputs(now.ToUnixTimeMilliseconds()),
            ["oldestWaitingImageAgeSeconds"] = OldestWaitingAge(now.ToUnixTimeMilliseconds()),
        };
    }

    private static JsonObject Plugin(PluginState state) => new()
    {
        ["id"] = state.Id,
        ["version"] = state.Version,
        ["active"] = state.Active,
        ["status"] = state.Status.ToString(),
        ["loaded"] = state.Status == PluginStatus.Loaded,
        ["reason"] = state.Reason,
    };

    private static JsonObject DataFolder(string path)
    {
        bool writable;
        try
        {
            var probe = Path.Combine(path, ProbeFile);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            writable = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            writable = false;
        }

        long? free = null;
        try
        {
            free = new DriveInfo(Path.GetFullPath(path)).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Free space unknown (a network share, say): reported as null.
        }

        return new JsonObject { ["writable"] = writable, ["freeBytes"] = free };
    }

    private JsonArray Outputs(long now)
    {
        var outputs = new JsonArray();
        foreach (var output in plugins.OutputIds)
        {
            JsonObject entry;
            try
            {
                var history = store.Output(output);
                entry = new JsonObject
                {
                    ["id"] = output,
                    ["lastSuccess"] = Time(history.LastSuccessAt),
                    ["lastFailure"] = Time(history.LastFailureAt),
                    ["failingSince"] = Time(history.FailingSince),
                    ["down"] = OutputsHealthCheck.IsDown(history, now, health.Value.OutputDownAfter),
                };
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                entry = new JsonObject { ["id"] = output, ["lastSuccess"] = null, ["lastFailure"] = null, ["down"] = null };
            }

            outputs.Add(entry);
        }

        return outputs;
    }

    private double? OldestWaitingAge(long now)
    {
        try
        {
            return store.OldestWaitingImageSince() is { } since ? Math.Round((now - since) / 1000.0, 1) : null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null;
        }
    }

    private static string? Time(long? unixMilliseconds) => unixMilliseconds is { } ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("O", System.Globalization.CultureInfo.InvariantCulture)
        : null;
}
