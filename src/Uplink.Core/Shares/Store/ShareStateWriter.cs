using Microsoft.Data.Sqlite;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// The one writer of a share's state: every change of <c>shares.state</c> is one of these statements, each run
/// inside the caller's connection (and transaction), each allowed only from the states <see cref="StateTable"/>
/// (or, for an administrator's requeue, its admin table) says it may follow.
/// </summary>
internal static class ShareStateWriter
{
    /// <summary>
    /// Keeps an open share in step with its images: <c>waiting</c>, with the first image's reason, while any
    /// unfinished image is waiting for a retry; <c>queued</c> otherwise. A share whose hand-off is itself being
    /// retried (attempt above 0) keeps the hand-off's state and reason.
    /// </summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The caller's transaction.</param>
    /// <param name="shareId">The share.</param>
    public static void FollowImages(SqliteConnection connection, SqliteTransaction transaction, string shareId)
    {
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"""
            UPDATE shares SET
                reason = (SELECT reason FROM images
                          WHERE share_id = @share AND state IN ({StateTable.Sql(StateTable.UnfinishedImages)}) AND attempt > 0 AND reason IS NOT NULL
                          ORDER BY position LIMIT 1),
                state = CASE WHEN EXISTS (SELECT 1 FROM images
                          WHERE share_id = @share AND state IN ({StateTable.Sql(StateTable.UnfinishedImages)}) AND attempt > 0 AND reason IS NOT NULL)
                        THEN '{StateNames.Of(ShareState.Waiting)}' ELSE '{StateNames.Of(ShareState.Queued)}' END
            WHERE share_id = @share AND state IN ({StateTable.Sql(StateTable.OpenShares)}) AND attempt = 0
            """;
        update.Parameters.AddWithValue("@share", shareId);
        update.ExecuteNonQuery();
    }

    /// <summary>Ends a leased share (completed or failed), erasing its recipient unless told to keep it, and releases it.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="item">The leased share.</param>
    /// <param name="state">Completed or failed.</param>
    /// <param name="reason">Why it failed, or null.</param>
    /// <param name="keepRecipient">Keep the encrypted recipient (the share was never handed off; an admin may retry it).</param>
    /// <param name="now">The time, Unix milliseconds.</param>
    /// <returns>False when the lease was lost.</returns>
    public static bool End(SqliteConnection connection, ShareWorkItem item, ShareState state, string? reason, bool keepRecipient, long now) =>
        Leased(connection, item, state, StateTable.SharesLeadingTo(state), $"reason = @reason, {(keepRecipient ? string.Empty : "recipient = NULL, ")}completed_at = @now", p =>
        {
            p.AddWithValue("@reason", (object?)reason ?? DBNull.Value);
            p.AddWithValue("@now", now);
        });

    /// <summary>Puts a leased share's hand-off off until <paramref name="notBefore"/> (<c>waiting</c>, with the reason) and releases it.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="item">The leased share.</param>
    /// <param name="notBefore">When to try again, Unix milliseconds.</param>
    /// <param name="reason">Why it waits.</param>
    /// <returns>False when the lease was lost.</returns>
    public static bool Postpone(SqliteConnection connection, ShareWorkItem item, long notBefore, string reason) =>
        // A hand-off retried again stays waiting: that is no move, so it is allowed beside the table's.
        Leased(connection, item, ShareState.Waiting, [.. StateTable.SharesLeadingTo(ShareState.Waiting), ShareState.Waiting], "attempt = attempt + 1, next_attempt_at = @next, reason = @reason", p =>
        {
            p.AddWithValue("@next", notBefore);
            p.AddWithValue("@reason", reason);
        });

    /// <summary>
    /// Opens a share again after an administrator requeued some of its images: an ended share becomes <c>queued</c>,
    /// and any hand-off lease is dropped, so a hand-off already under way cannot end the share before those images are done.
    /// </summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The caller's transaction.</param>
    /// <param name="shareId">The share.</param>
    /// <param name="now">The time, Unix milliseconds.</param>
    public static void Reopen(SqliteConnection connection, SqliteTransaction transaction, string shareId, long now)
    {
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"""
            UPDATE shares SET state = '{StateNames.Of(ShareState.Queued)}', reason = NULL, completed_at = NULL, attempt = 0, next_attempt_at = @now
            WHERE share_id = @share AND state IN ({StateTable.Sql(StateTable.ReopenableShares)});
            UPDATE shares SET lease_token = NULL, lease_until = NULL WHERE share_id = @share;
            """;
        update.Parameters.AddWithValue("@share", shareId);
        update.Parameters.AddWithValue("@now", now);
        update.ExecuteNonQuery();
        FollowImages(connection, transaction, shareId);
    }

    private static bool Leased(SqliteConnection connection, ShareWorkItem item, ShareState state, IReadOnlyList<ShareState> from, string assignments, Action<SqliteParameterCollection> parameters)
    {
        using var update = connection.CreateCommand();
        update.CommandText = $"""
            UPDATE shares SET state = '{StateNames.Of(state)}', {assignments}, lease_token = NULL, lease_until = NULL
            WHERE share_id = @share AND lease_token = @token AND state IN ({StateTable.Sql(from)})
            """;
        update.Parameters.AddWithValue("@share", item.ShareId);
        update.Parameters.AddWithValue("@token", item.LeaseToken);
        parameters(update.Parameters);
        return update.ExecuteNonQuery() == 1;
    }
}
