using Microsoft.Data.Sqlite;
using Uplink.Core.Shares.Administration;
using Uplink.Core.Shares.Store;
using Uplink.Core.Site;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands.Shares;

/// <summary>
/// Opens the configured data folder's share store for one <c>uplink shares</c> verb, beside a running <c>uplink run</c>
/// if there is one (its workers poll the store, so what a verb requeues is taken up without waking them), and turns
/// a missing configuration, missing secrets or an unreadable store into a message and exit code 1.
/// </summary>
internal static class SharesStore
{
    /// <summary>Runs <paramref name="work"/> with the store's administration; before the first share there is no store and it gets null.</summary>
    /// <param name="verb">The verb, for messages (for example <c>shares list</c>).</param>
    /// <param name="configPath">The <c>--config</c> value, or null.</param>
    /// <param name="console">Where errors go.</param>
    /// <param name="time">The clock the audit log records.</param>
    /// <param name="work">The verb's work; returns the exit code.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string verb, string? configPath, ConsoleOutput console, TimeProvider time, Func<ShareAdministration?, Task<int>> work)
    {
        string data;
        try
        {
            data = UplinkConfigurationSource.Load(configPath).Options.DataDirectory;

            // Listing hashes exam ids with the site's key: without it nothing may be shown.
            _ = SiteFolder.ReadUidKey(data);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync($"uplink {verb}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        // Reading must not create the store: before the first share there is simply nothing there.
        var store = ShareStoreAccess.PathIn(data);
        using var access = ShareStoreAccess.OpenExisting(data, time);
        if (access is null)
        {
            return await work(null).ConfigureAwait(false);
        }

        try
        {
            return await work(access.Administration).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await console.Error.WriteLineAsync($"uplink {verb}: cannot use the share store {store}: SQLite error {ex.SqliteErrorCode}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Runs an administrator's action and prints its result: the message on standard output and 0 when done, on
    /// standard error and 1 when refused (or when there is no store yet, so no share).
    /// </summary>
    /// <param name="verb">The verb.</param>
    /// <param name="configPath">The <c>--config</c> value, or null.</param>
    /// <param name="console">Where to print.</param>
    /// <param name="time">The clock the audit log records.</param>
    /// <param name="action">The action, given the administration and the actor.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> ActAsync(string verb, string? configPath, ConsoleOutput console, TimeProvider time, Func<ShareAdministration, string, AdminActionResult> action) =>
        RunAsync(verb, configPath, console, time, async administration =>
        {
            var result = administration is null
                ? AdminActionResult.Refused("there is no share with that id (no share has been received yet)")
                : action(administration, Actor);
            return await ReportAsync(verb, result, console).ConfigureAwait(false);
        });

    private static async Task<int> ReportAsync(string verb, AdminActionResult result, ConsoleOutput console)
    {
        if (result.Succeeded)
        {
            await console.Out.WriteLineAsync($"{char.ToUpperInvariant(result.Message[0])}{result.Message[1..]}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await console.Error.WriteLineAsync($"uplink {verb}: {result.Message}").ConfigureAwait(false);
        return ExitCodes.Failed;
    }

    // Who the audit log names for a command-line action: "cli:" and the operating-system user.
    private static string Actor => $"cli:{Environment.UserName}";
}
