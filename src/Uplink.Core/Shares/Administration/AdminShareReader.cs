using Microsoft.Data.Sqlite;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Administration;

/// <summary>
/// Reads shares and images for an administrator. It selects only Uplink's ids, states, counts, times and reasons:
/// never the recipient, the image ids, or the exam id except through <see cref="StatusHashes"/>.
/// </summary>
internal sealed class AdminShareReader(ShareDatabase database)
{
    private const string SummaryColumns = "share_id, created_at, completed_at, state, reason, exam_id, image_count";

    /// <summary>The newest shares.</summary>
    /// <param name="hashKey">The key exam ids are hashed with.</param>
    /// <param name="limit">How many at most.</param>
    /// <returns>The shares, newest first.</returns>
    public IReadOnlyList<ShareSummary> List(byte[] hashKey, int limit)
    {
        using var connection = database.Open();
        const string Newest = "SELECT share_id FROM shares ORDER BY created_at DESC, share_id DESC LIMIT @limit";
        var counts = Counts(connection, $"WHERE share_id IN ({Newest})", p => p.AddWithValue("@limit", limit));
        return Summaries(connection, hashKey, counts, "ORDER BY created_at DESC, share_id DESC LIMIT @limit", p => p.AddWithValue("@limit", limit));
    }

    /// <summary>One share with its images, or null when there is no such share.</summary>
    /// <param name="hashKey">The key exam ids are hashed with.</param>
    /// <param name="shareId">The share.</param>
    /// <returns>The share, or null.</returns>
    public ShareDetail? Show(byte[] hashKey, string shareId)
    {
        using var connection = database.Open();
        var counts = Counts(connection, "WHERE share_id = @share", p => p.AddWithValue("@share", shareId));
        var summary = Summaries(connection, hashKey, counts, "WHERE share_id = @share", p => p.AddWithValue("@share", shareId)).SingleOrDefault();
        if (summary is null)
        {
            return null;
        }

        var deliveries = Deliveries(connection, shareId);
        var errors = LastErrors(connection, shareId);
        using var select = Command(connection, "SELECT position, state, reason, attempt FROM images WHERE share_id = @share ORDER BY position", shareId);
        using var reader = select.ExecuteReader();
        var images = new List<ShareImageDetail>();
        while (reader.Read())
        {
            var position = reader.GetInt32(0);
            images.Add(new ShareImageDetail(
                position,
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                deliveries.TryGetValue(position, out var delivered) ? delivered : [],
                errors.GetValueOrDefault(position)));
        }

        return new ShareDetail(summary, images, HandedOffTo(connection, shareId));
    }

    private static List<ShareSummary> Summaries(
        SqliteConnection connection, byte[] hashKey, Dictionary<string, Dictionary<string, int>> counts, string filter, Action<SqliteParameterCollection> parameters)
    {
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {SummaryColumns} FROM shares {filter}";
        parameters(select.Parameters);
        using var reader = select.ExecuteReader();
        var shares = new List<ShareSummary>();
        while (reader.Read())
        {
            var shareId = reader.GetString(0);
            shares.Add(new ShareSummary(
                shareId,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                StatusHashes.ExamId(hashKey, reader.GetString(5)),
                reader.GetInt32(6),
                counts.GetValueOrDefault(shareId) ?? []));
        }

        return shares;
    }

    // Counts per share and state, ordered as the state table orders image states.
    private static Dictionary<string, Dictionary<string, int>> Counts(SqliteConnection connection, string filter, Action<SqliteParameterCollection> parameters)
    {
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT share_id, state, COUNT(*) FROM images {filter} GROUP BY share_id, state";
        parameters(select.Parameters);
        using var reader = select.ExecuteReader();
        var raw = new List<(string Share, string State, int Count)>();
        while (reader.Read())
        {
            raw.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        var order = StateTable.Images.Keys.Select(StateNames.Of).ToList();
        return raw.GroupBy(r => r.Share, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.OrderBy(r => order.IndexOf(r.State)).ToDictionary(r => r.State, r => r.Count, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    private static Dictionary<int, List<ImageDelivery>> Deliveries(SqliteConnection connection, string shareId)
    {
        using var select = Command(connection, "SELECT position, output_id, delivered_at FROM deliveries WHERE share_id = @share ORDER BY delivered_at, output_id", shareId);
        using var reader = select.ExecuteReader();
        var deliveries = new Dictionary<int, List<ImageDelivery>>();
        while (reader.Read())
        {
            var position = reader.GetInt32(0);
            if (!deliveries.TryGetValue(position, out var list))
            {
                deliveries[position] = list = [];
            }

            list.Add(new ImageDelivery(reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return deliveries;
    }

    private static Dictionary<int, ImageAttempt> LastErrors(SqliteConnection connection, string shareId)
    {
        // A stage that went well records "ok", and the last one the image's final state ("sent" when it was).
        using var select = Command(connection, $"""
            SELECT position, stage, output_id, outcome, reason, at FROM attempts
            WHERE share_id = @share AND position IS NOT NULL AND outcome NOT IN ('ok', '{StateNames.Of(ImageState.Sent)}') ORDER BY id
            """, shareId);
        using var reader = select.ExecuteReader();
        var errors = new Dictionary<int, ImageAttempt>();
        while (reader.Read())
        {
            // Ordered by id, so the last one read for a position is its latest.
            errors[reader.GetInt32(0)] = new ImageAttempt(
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
        }

        return errors;
    }

    private static List<string> HandedOffTo(SqliteConnection connection, string shareId)
    {
        using var select = Command(connection, "SELECT output_id FROM completions WHERE share_id = @share ORDER BY completed_at, output_id", shareId);
        using var reader = select.ExecuteReader();
        var outputs = new List<string>();
        while (reader.Read())
        {
            outputs.Add(reader.GetString(0));
        }

        return outputs;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string shareId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@share", shareId);
        return command;
    }
}
