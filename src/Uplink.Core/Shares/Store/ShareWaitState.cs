using Microsoft.Data.Sqlite;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// Keeps a share's state in step with its images: <c>waiting</c>, with the first image's reason, while
/// any unfinished image is waiting for a retry; <c>queued</c> otherwise.
/// </summary>
internal static class ShareWaitState
{
    /// <summary>Recomputes the share's waiting state inside the caller's transaction.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The caller's transaction.</param>
    /// <param name="shareId">The share.</param>
    public static void Refresh(SqliteConnection connection, SqliteTransaction transaction, string shareId)
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
}
