using Microsoft.Data.Sqlite;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>Records shares and reads their status: the intake's side of the store.</summary>
internal sealed class ShareRepository(ShareDatabase database, TimeProvider time)
{
    /// <summary>Records a share and its images in one transaction, or finds the share its request id already made.</summary>
    /// <param name="share">The share.</param>
    /// <returns>The receipt; <see cref="ShareReceipt.Created"/> says whether this call recorded it.</returns>
    public ShareReceipt Add(NewShare share)
    {
        using var connection = database.Open(durable: true);
        using var transaction = connection.BeginTransaction();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO shares (share_id, request_id, exam_id, source_plugin_id, recipient, state, image_count, created_at, next_attempt_at)
            VALUES (@id, @request, @exam, @source, @recipient, '{StateNames.Of(ShareState.Queued)}', @count, @now, @now)
            ON CONFLICT (request_id) DO NOTHING
            """;
        insert.Parameters.AddWithValue("@id", share.ShareId);
        insert.Parameters.AddWithValue("@request", share.RequestId);
        insert.Parameters.AddWithValue("@exam", share.ExamId);
        insert.Parameters.AddWithValue("@source", share.SourcePluginId);
        insert.Parameters.AddWithValue("@recipient", share.ProtectedRecipient);
        insert.Parameters.AddWithValue("@count", share.ImageIds.Count);
        insert.Parameters.AddWithValue("@now", now);
        if (insert.ExecuteNonQuery() == 0)
        {
            var existing = FindByRequest(connection, transaction, share.RequestId);
            transaction.Commit();
            return existing with { Created = false };
        }

        using var image = connection.CreateCommand();
        image.Transaction = transaction;
        image.CommandText = $"INSERT INTO images (share_id, position, image_id, state, next_attempt_at) VALUES (@id, @position, @image, '{StateNames.Of(ImageState.Queued)}', @now)";
        var position = image.Parameters.Add("@position", SqliteType.Integer);
        var imageId = image.Parameters.Add("@image", SqliteType.Text);
        image.Parameters.AddWithValue("@id", share.ShareId);
        image.Parameters.AddWithValue("@now", now);
        for (var i = 0; i < share.ImageIds.Count; i++)
        {
            position.Value = i;
            imageId.Value = share.ImageIds[i];
            image.ExecuteNonQuery();
        }

        transaction.Commit();
        return new ShareReceipt(share.ShareId, ShareState.Queued, Created: true);
    }

    /// <summary>The share's status and each image's, free of patient data.</summary>
    /// <param name="shareId">The share id.</param>
    /// <returns>The status, or null when there is no such share.</returns>
    public ShareStatusReport? GetStatus(string shareId)
    {
        using var connection = database.Open();
        using var share = connection.CreateCommand();
        share.CommandText = "SELECT state, reason FROM shares WHERE share_id = @id";
        share.Parameters.AddWithValue("@id", shareId);
        ShareState state;
        string? reason;
        using (var reader = share.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            state = StateNames.ShareStateOf(reader.GetString(0));
            reason = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        using var images = connection.CreateCommand();
        images.CommandText = "SELECT image_id, state, reason FROM images WHERE share_id = @id ORDER BY position";
        images.Parameters.AddWithValue("@id", shareId);
        var list = new List<ImageStatusReport>();
        using (var reader = images.ExecuteReader())
        {
            while (reader.Read())
            {
                list.Add(new ImageStatusReport(
                    reader.GetString(0),
                    StateNames.ImageStateOf(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        return new ShareStatusReport(shareId, state, reason, list);
    }

    /// <summary>Each image of a share with the anonymized SOP Instance UID it was sent under (for the demo and admins).</summary>
    /// <param name="shareId">The share id.</param>
    /// <returns>The images in request order; empty for an unknown share.</returns>
    public IReadOnlyList<SharedInstance> GetInstances(string shareId)
    {
        using var connection = database.Open();
        using var images = connection.CreateCommand();
        images.CommandText = "SELECT image_id, state, reason, sop_instance_uid FROM images WHERE share_id = @id ORDER BY position";
        images.Parameters.AddWithValue("@id", shareId);
        var list = new List<SharedInstance>();
        using var reader = images.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new SharedInstance(
                reader.GetString(0),
                StateNames.ImageStateOf(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return list;
    }

    private static ShareReceipt FindByRequest(SqliteConnection connection, SqliteTransaction transaction, string requestId)
    {
        using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT share_id, state FROM shares WHERE request_id = @request";
        find.Parameters.AddWithValue("@request", requestId);
        using var reader = find.ExecuteReader();
        reader.Read();
        return new ShareReceipt(reader.GetString(0), StateNames.ShareStateOf(reader.GetString(1)), Created: false);
    }
}
