using System.Globalization;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// The store's figures behind the health checks: whether it answers, each output's recent history from
/// the attempts log, and the oldest image still on its way. Reads ids and times only, never patient data.
/// </summary>
public sealed class StoreHealthReader
{
    private readonly ShareDatabase _database;

    /// <summary>Reads the given store.</summary>
    /// <param name="database">The share store.</param>
    internal StoreHealthReader(ShareDatabase database) => _database = database;

    /// <summary>The counts, last hour and latest problems shown by <c>uplink status</c> and the admin page.</summary>
    /// <param name="now">The time of the reading (Unix milliseconds).</param>
    /// <param name="hashKey">The site's key: exam ids are shown as keyed hashes only.</param>
    /// <returns>The status.</returns>
    public StoreStatus Status(long now, byte[] hashKey) => new StoreStatusReader(_database).Read(now, hashKey);

    private static readonly string Unfinished = StateTable.Sql(StateTable.UnfinishedImages);

    /// <summary>Opens the store and runs a query on it; throws what SQLite throws when it cannot.</summary>
    public void Probe()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM shares WHERE rowid = 0";
        command.ExecuteScalar();
    }

    /// <summary>The deliveries and hand-offs of one output.</summary>
    /// <param name="outputId">The output plugin's id.</param>
    /// <returns>Its history.</returns>
    public OutputHistory Output(string outputId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH last AS (
                SELECT MAX(CASE WHEN outcome = 'ok' THEN at END) AS ok,
                       MAX(CASE WHEN outcome <> 'ok' THEN at END) AS failed
                FROM attempts WHERE output_id = @output)
            SELECT last.ok, last.failed,
                   CASE WHEN last.failed > COALESCE(last.ok, -1)
                        THEN (SELECT MIN(at) FROM attempts WHERE output_id = @output AND outcome <> 'ok' AND at > COALESCE(last.ok, -1))
                   END
            FROM last
            """;
        command.Parameters.AddWithValue("@output", outputId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new OutputHistory(outputId, NullableLong(reader, 0), NullableLong(reader, 1), NullableLong(reader, 2));
    }

    /// <summary>When the share of the oldest image not yet finished was recorded.</summary>
    /// <returns>Unix milliseconds, or null when no image is waiting.</returns>
    public long? OldestWaitingImageSince()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MIN(s.created_at) FROM images i JOIN shares s ON s.share_id = i.share_id WHERE i.state IN ({Unfinished})";
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static long? NullableLong(Microsoft.Data.Sqlite.SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetInt64(column);
}
