using Microsoft.Data.Sqlite;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>Shares whose images are all finished and that still have to be handed to the outputs.</summary>
internal sealed class ShareQueue(ShareDatabase database, TimeProvider time)
{
    /// <summary>Leases the next share that is ready for its hand-off, or returns null.</summary>
    /// <param name="leaseDuration">How long the lease lasts.</param>
    /// <returns>The leased share, or null.</returns>
    public ShareWorkItem? Claim(TimeSpan leaseDuration)
    {
        var now = time.GetUtcNow();
        using var connection = database.Open();
        using var claim = connection.CreateCommand();
        claim.CommandText = $"""
            UPDATE shares SET lease_token = @token, lease_until = @until
            WHERE share_id = (
                SELECT share_id FROM shares s
                WHERE state IN ({StateTable.Sql(StateTable.OpenShares)}) AND next_attempt_at <= @now
                  AND (lease_until IS NULL OR lease_until < @now)
                  AND NOT EXISTS (SELECT 1 FROM images i WHERE i.share_id = s.share_id AND i.state IN ({StateTable.Sql(StateTable.UnfinishedImages)}))
                ORDER BY created_at LIMIT 1)
            RETURNING share_id, recipient, attempt, lease_token
            """;
        claim.Parameters.AddWithValue("@token", Guid.NewGuid().ToString("N"));
        claim.Parameters.AddWithValue("@until", (now + leaseDuration).ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        string shareId;
        byte[]? recipient;
        int attempt;
        string token;
        using (var reader = claim.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            shareId = reader.GetString(0);
            recipient = reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1);
            attempt = reader.GetInt32(2);
            token = reader.GetString(3);
        }

        using var sent = connection.CreateCommand();
        sent.CommandText = $"SELECT study_instance_uid, COUNT(*) FROM images WHERE share_id = @share AND state = '{StateNames.Of(ImageState.Sent)}' GROUP BY study_instance_uid ORDER BY MIN(position)";
        sent.Parameters.AddWithValue("@share", shareId);
        var studies = new List<string>();
        var delivered = 0;
        using (var reader = sent.ExecuteReader())
        {
            while (reader.Read())
            {
                // A document has no study (NULL); an instance whose dataset lacked the attribute names none either.
                if (!reader.IsDBNull(0) && reader.GetString(0) is { Length: > 0 } study)
                {
                    studies.Add(study);
                }

                delivered += reader.GetInt32(1);
            }
        }

        return new ShareWorkItem(shareId, recipient, attempt, token, studies, delivered);
    }

    /// <summary>The outputs that already took the share's hand-off.</summary>
    /// <param name="shareId">The share.</param>
    /// <returns>Their plugin ids.</returns>
    public IReadOnlySet<string> CompletedOutputs(string shareId)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT output_id FROM completions WHERE share_id = @share";
        select.Parameters.AddWithValue("@share", shareId);
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            outputs.Add(reader.GetString(0));
        }

        return outputs;
    }

    /// <summary>Records that an output took the share's hand-off.</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="outputId">The output plugin's id.</param>
    public void RecordCompletion(string shareId, string outputId)
    {
        using var connection = database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO completions (share_id, output_id, completed_at) VALUES (@share, @output, @now) ON CONFLICT DO NOTHING";
        insert.Parameters.AddWithValue("@share", shareId);
        insert.Parameters.AddWithValue("@output", outputId);
        insert.Parameters.AddWithValue("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
    }

    /// <summary>Ends the share (completed or failed) and, unless told to keep it, erases its recipient.</summary>
    /// <param name="item">The leased share.</param>
    /// <param name="state">Completed or failed.</param>
    /// <param name="reason">Why it failed, or null.</param>
    /// <param name="keepRecipient">Keep the encrypted recipient: the share was never handed off, and an administrator may retry its images.</param>
    /// <returns>False when the lease was lost.</returns>
    public bool Finish(ShareWorkItem item, ShareState state, string? reason, bool keepRecipient = false)
    {
        using var connection = database.Open();
        return ShareStateWriter.End(connection, item, state, reason, keepRecipient, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Releases the share for a later hand-off attempt.</summary>
    /// <param name="item">The leased share.</param>
    /// <param name="notBefore">When to try again.</param>
    /// <param name="reason">Why it waits.</param>
    /// <returns>False when the lease was lost.</returns>
    public bool Postpone(ShareWorkItem item, DateTimeOffset notBefore, string reason)
    {
        using var connection = database.Open();
        return ShareStateWriter.Postpone(connection, item, notBefore.ToUnixTimeMilliseconds(), reason);
    }

    /// <summary>
    /// Drops every lease. Only for start-up, when this process alone owns the store (the data folder
    /// lock says so): work a killed process had leased is taken up at once instead of at lease expiry.
    /// </summary>
    public void ReleaseAllLeases()
    {
        using var connection = database.Open();
        ShareDatabase.Execute(connection, """
            UPDATE images SET lease_token = NULL, lease_until = NULL WHERE lease_token IS NOT NULL;
            UPDATE shares SET lease_token = NULL, lease_until = NULL WHERE lease_token IS NOT NULL;
            """);
    }
}
