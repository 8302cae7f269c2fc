using System.CommandLine;
using Microsoft.Data.Sqlite;
using Uplink.Core.Shares.Store;
using Uplink.Core.Site;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands.Status;

/// <summary>
/// <c>uplink status [--json] [--config FILE]</c>: the queue by state and age, the last hour's shares and images,
/// and the set-aside and failed images with their reasons, read from the data folder's store (also while
/// <c>uplink run</c> runs). No patient data: no contact, names or image ids, and exam ids only keyed-hashed.
/// </summary>
/// <param name="console">Where to print.</param>
/// <param name="time">The clock.</param>
internal sealed class StatusCommand(ConsoleOutput console, TimeProvider time) : ICommand
{
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON instead of text." };
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "status";

    /// <inheritdoc />
    public string Summary => "Shows the queue by state and age, the last hour, and set-aside and failed images with reasons.";

    /// <inheritdoc />
    public string Failure => "no configuration or site secrets, or the share store cannot be read";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_json, _config];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        string data;
        byte[] key;
        try
        {
            data = UplinkConfigurationSource.Load(parsed.GetValue(_config)).Options.DataDirectory;
            key = SiteFolder.ReadUidKey(data);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync($"uplink status: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var store = ShareStoreAccess.PathIn(data);
        StoreStatus status;
        if (!File.Exists(store))
        {
            // Reading must not create the store: before the first share there is simply nothing to show.
            status = new StoreStatus(now, [], [], new LastHourCounts(0, 0, 0), []);
        }
        else
        {
            try
            {
                using var access = ShareStoreAccess.OpenExisting(data, time);
                status = access!.Reader.Status(now, key);
            }
            catch (SqliteException ex)
            {
                await console.Error.WriteLineAsync($"uplink status: cannot read the share store {store}: SQLite error {ex.SqliteErrorCode}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        }

        if (parsed.GetValue(_json))
        {
            await console.Out.WriteLineAsync(StatusJsonWriter.Write(status)).ConfigureAwait(false);
        }
        else
        {
            StatusTextWriter.Write(console.Out, status, data);
        }

        return ExitCodes.Success;
    }
}
