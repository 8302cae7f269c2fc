using Microsoft.Data.Sqlite;
using Uplink.Core.Shares.Store;

namespace Uplink.Core.Shares.Administration;

/// <summary>
/// The admin audit log (table <c>admin_audit</c>): who did what to which share, when, and how it ended. Entries
/// hold Uplink's ids, state names and the actor, never a patient value, and are only ever appended.
/// </summary>
internal sealed class AdminAuditLog(ShareDatabase database, TimeProvider time)
{
    /// <summary>The outcome of an action that changed the store.</summary>
    public const string Done = "done";

    /// <summary>The outcome of an action that was refused.</summary>
    public const string Refused = "refused";

    /// <summary>Appends one entry inside the caller's transaction, so the entry and the change commit together.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The caller's transaction.</param>
    /// <param name="actor">Who.</param>
    /// <param name="action">What.</param>
    /// <param name="shareId">The share, or null.</param>
    /// <param name="position">The image's position, or null.</param>
    /// <param name="result">How it ended.</param>
    public void Append(SqliteConnection connection, SqliteTransaction transaction, string actor, string action, string? shareId, int? position, AdminActionResult result)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO admin_audit (at, actor, action, share_id, position, outcome, detail)
            VALUES (@at, @actor, @action, @share, @position, @outcome, @detail)
            """;
        insert.Parameters.AddWithValue("@at", time.GetUtcNow().ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("@actor", actor);
        insert.Parameters.AddWithValue("@action", action);
        insert.Parameters.AddWithValue("@share", (object?)shareId ?? DBNull.Value);
        insert.Parameters.AddWithValue("@position", (object?)position ?? DBNull.Value);
        insert.Parameters.AddWithValue("@outcome", result.Succeeded ? Done : Refused);
        insert.Parameters.AddWithValue("@detail", result.Message);
        insert.ExecuteNonQuery();
    }

    /// <summary>The latest entries, newest first.</summary>
    /// <param name="limit">How many at most.</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<AdminAuditEntry> Read(int limit)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, at, actor, action, share_id, position, outcome, detail FROM admin_audit ORDER BY id DESC LIMIT @limit";
        select.Parameters.AddWithValue("@limit", limit);
        using var reader = select.ExecuteReader();
        var entries = new List<AdminAuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AdminAuditEntry(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? string.Empty : reader.GetString(7)));
        }

        return entries;
    }
}
