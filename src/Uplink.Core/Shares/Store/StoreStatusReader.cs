using Microsoft.Data.Sqlite;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>Reads <see cref="StoreStatus"/> from the store: ids, states, counts, times and reasons; exam ids only hashed.</summary>
/// <param name="database">The store.</param>
internal sealed class StoreStatusReader(ShareDatabase database)
{
    private const long HourMs = 3_600_000;

    /// <summary>Reads the status.</summary>
    /// <param name="now">Now, in Unix milliseconds.</param>
    /// <param name="hashKey">The key exam ids are hashed with (the site's UID key).</param>
    /// <param name="problemLimit">How many set-aside and failed images to list, newest first.</param>
    /// <returns>The status.</returns>
    public StoreStatus Read(long now, byte[] hashKey, int problemLimit = 50)
    {
        using var connection = database.Open();
        var images = Counts(connection, """
            SELECT i.state, COUNT(*), MIN(s.created_at) FROM images i JOIN shares s ON s.share_id = i.share_id GROUP BY i.state
            """);
        var shares = Counts(connection, "SELECT state, COUNT(*), MIN(created_at) FROM shares GROUP BY state");
        var since = now - HourMs;
        var lastHour = new LastHourCounts(
            Scalar(connection, "SELECT COUNT(*) FROM shares WHERE created_at >= @since", since),
            Scalar(connection, "SELECT COUNT(*) FROM shares WHERE completed_at >= @since", since),
            Scalar(connection, "SELECT COUNT(DISTINCT share_id || '/' || position) FROM attempts WHERE stage = 'deliver' AND outcome = 'ok' AND at >= @since", since));
        return new StoreStatus(now, images, shares, lastHour, Problems(connection, hashKey, problemLimit));
    }

    private static List<StateCount> Counts(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var counts = new List<StateCount>();
        while (reader.Read())
        {
            counts.Add(new StateCount(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }

        return counts;
    }

    private static long Scalar(SqliteConnection connection, string sql, long since)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@since", since);
        return (long)command.ExecuteScalar()!;
    }

    private static List<ProblemImage> Problems(SqliteConnection connection, byte[] hashKey, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.share_id, i.position, s.exam_id, i.state, i.reason,
                   (SELECT MAX(a.at) FROM attempts a WHERE a.share_id = i.share_id AND a.position = i.position) AS at
            FROM images i JOIN shares s ON s.share_id = i.share_id
            WHERE i.state IN (@setAside, @failed)
            ORDER BY at DESC, i.share_id, i.position
            LIMIT @limit
            """;
        command.Parameters.AddWithValue("@setAside", StateNames.Of(ImageState.SetAside));
        command.Parameters.AddWithValue("@failed", StateNames.Of(ImageState.Failed));
        command.Parameters.AddWithValue("@limit", limit);
        using var reader = command.ExecuteReader();
        var problems = new List<ProblemImage>();
        while (reader.Read())
        {
            problems.Add(new ProblemImage(
                reader.GetString(0),
                reader.GetInt32(1),
                StatusHashes.ExamId(hashKey, reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5)));
        }

        return problems;
    }
}
