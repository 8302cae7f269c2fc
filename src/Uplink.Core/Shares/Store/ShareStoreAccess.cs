using Microsoft.Extensions.Options;
using Uplink.Core.Shares.Administration;
using Uplink.Core.Shares.Pipeline;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// The share store of a data folder, opened by a command beside (or without) the running host: <c>uplink status</c>
/// and <c>uplink shares</c>. Opening never creates the store. Dispose to close it.
/// </summary>
public sealed class ShareStoreAccess : IDisposable
{
    private readonly ShareDatabase _database;

    private ShareStoreAccess(ShareDatabase database, ShareAdministration administration, StoreHealthReader reader)
    {
        _database = database;
        Administration = administration;
        Reader = reader;
    }

    /// <summary>The listing, detail, retry and discard of shares, audited.</summary>
    public ShareAdministration Administration { get; }

    /// <summary>The counts and problems of the store.</summary>
    public StoreHealthReader Reader { get; }

    /// <summary>The store's file in a data folder.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The path of the store.</returns>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, ShareDatabase.FileName);

    /// <summary>Opens the store of a data folder when it exists.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="time">The clock the audit log and retries use.</param>
    /// <returns>The store, or <see langword="null"/> when no share has been received yet (there is no store).</returns>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The store cannot be opened.</exception>
    public static ShareStoreAccess? OpenExisting(string dataDirectory, TimeProvider time)
    {
        if (!File.Exists(PathIn(dataDirectory)))
        {
            return null;
        }

        var options = Options.Create(new PipelineOptions { DataDirectory = dataDirectory });
        var database = new ShareDatabase(options);

        // This process's signal wakes nobody: a running host finds requeued images at its next poll.
        var administration = new ShareAdministration(database, new ShareSpool(options), new PipelineSignal(time), time, options);
        return new ShareStoreAccess(database, administration, new StoreHealthReader(database));
    }

    /// <inheritdoc />
    public void Dispose() => _database.Dispose();
}
