using Microsoft.Data.Sqlite;
using Uplink.Core.Anonymization;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// The images waiting for work. A worker claims one with a lease in a single statement; every later
/// update names the lease, so a worker whose lease was taken over (it hung past expiry) changes nothing.
/// </summary>
internal sealed class ImageQueue(ShareDatabase database, TimeProvider time)
{
    private static readonly string UnfinishedSql = StateTable.Sql(StateTable.UnfinishedImages);

    private const string Returning = """
        share_id, position, image_id, state, attempt, lease_token, source_path, anonymized_path, anonymized_length, sha256, sop_class_uid,
        sop_instance_uid, study_instance_uid, series_instance_uid, transfer_syntax_uid, media_type,
        (SELECT source_plugin_id FROM shares s WHERE s.share_id = images.share_id)
        """;

    /// <summary>Leases the next image whose time has come, or returns null when none is due.</summary>
    /// <param name="leaseDuration">How long the lease lasts unless renewed.</param>
    /// <returns>The leased image, or null.</returns>
    public ImageWorkItem? Claim(TimeSpan leaseDuration)
    {
        var now = time.GetUtcNow();
        using var connection = database.Open();
        using var claim = connection.CreateCommand();
        claim.CommandText = $"""
            UPDATE images SET lease_token = @token, lease_until = @until
            WHERE rowid = (
                SELECT rowid FROM images
                WHERE state IN ({UnfinishedSql}) AND next_attempt_at <= @now
                  AND (lease_until IS NULL OR lease_until < @now)
                ORDER BY next_attempt_at, share_id, position LIMIT 1)
            RETURNING {Returning}
            """;
        claim.Parameters.AddWithValue("@token", Guid.NewGuid().ToString("N"));
        claim.Parameters.AddWithValue("@until", (now + leaseDuration).ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        using var reader = claim.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Extends a lease while a long stage runs.</summary>
    /// <param name="item">The leased image.</param>
    /// <param name="leaseDuration">The new lease length from now.</param>
    /// <returns>False when the lease was lost.</returns>
    public bool Renew(ImageWorkItem item, TimeSpan leaseDuration) =>
        Update(item, null, "lease_until = @until", p => p.AddWithValue("@until", (time.GetUtcNow() + leaseDuration).ToUnixTimeMilliseconds()), keepLease: true) is not null;

    /// <summary>Records that the source file was found and readable.</summary>
    /// <param name="item">The leased image.</param>
    /// <param name="sourcePath">The resolved file.</param>
    /// <param name="length">Its length.</param>
    /// <returns>The image as stored now, or null when the lease was lost.</returns>
    public ImageWorkItem? MarkFetched(ImageWorkItem item, string sourcePath, long length) =>
        Update(item, ImageState.Fetched, "attempt = 0, reason = NULL, source_path = @path, source_length = @length", p =>
        {
            p.AddWithValue("@path", sourcePath);
            p.AddWithValue("@length", length);
        }, keepLease: true);

    /// <summary>Records the anonymized, verified instance and its audit.</summary>
    /// <param name="item">The leased image.</param>
    /// <param name="info">The anonymized instance.</param>
    /// <param name="auditJson">The audit record.</param>
    /// <returns>The image as stored now, or null when the lease was lost.</returns>
    public ImageWorkItem? MarkAnonymized(ImageWorkItem item, AnonymizedInstanceInfo info, string? auditJson) =>
        Update(item, ImageState.Anonymized, """
            attempt = 0, reason = NULL, anonymized_path = @path, anonymized_length = @length,
            sha256 = @sha, sop_class_uid = @class, sop_instance_uid = @sop, study_instance_uid = @study,
            series_instance_uid = @series, transfer_syntax_uid = @ts, media_type = @media, audit_json = @audit
            """, p =>
        {
            p.AddWithValue("@path", info.Path);
            p.AddWithValue("@length", info.Length);
            p.AddWithValue("@sha", info.Sha256);
            p.AddWithValue("@class", (object?)info.SopClassUid ?? DBNull.Value);
            p.AddWithValue("@sop", (object?)info.SopInstanceUid ?? DBNull.Value);
            p.AddWithValue("@study", (object?)info.StudyInstanceUid ?? DBNull.Value);
            p.AddWithValue("@series", (object?)info.SeriesInstanceUid ?? DBNull.Value);
            p.AddWithValue("@ts", (object?)info.TransferSyntaxUid ?? DBNull.Value);
            p.AddWithValue("@media", (object?)info.NonDicomMediaType ?? DBNull.Value);
            p.AddWithValue("@audit", (object?)auditJson ?? DBNull.Value);
        }, keepLease: true);

    /// <summary>Puts the image in a final state (sent, set aside, discarded, failed) and releases it.</summary>
    /// <param name="item">The leased image.</param>
    /// <param name="state">The final state.</param>
    /// <param name="reason">Why, for anything but sent.</param>
    /// <returns>False when the lease was lost.</returns>
    public bool Finish(ImageWorkItem item, ImageState state, string? reason) =>
        Update(item, state, "reason = @reason", p => p.AddWithValue("@reason", (object?)reason ?? DBNull.Value), keepLease: false) is not null;

    /// <summary>Releases the image for a later attempt at the same stage.</summary>
    /// <param name="item">The leased image.</param>
    /// <param name="notBefore">When it may be tried again.</param>
    /// <param name="reason">Why it waits (shown in the share's status).</param>
    /// <returns>False when the lease was lost.</returns>
    public bool Postpone(ImageWorkItem item, DateTimeOffset notBefore, string reason) =>
        Update(item, null, "attempt = attempt + 1, next_attempt_at = @next, reason = @reason", p =>
        {
            p.AddWithValue("@next", notBefore.ToUnixTimeMilliseconds());
            p.AddWithValue("@reason", reason);
        }, keepLease: false) is not null;

    /// <summary>Records that one output has the image, so a retry skips it there.</summary>
    /// <param name="item">The leased image.</param>
    /// <param name="outputId">The output plugin's id.</param>
    /// <param name="idempotencyKey">The key the output was given.</param>
    /// <param name="sentFiles">The files sent, as <see cref="SentFiles"/> JSON (part, SHA-256, length; never values), or null.</param>
    public void RecordDelivery(ImageWorkItem item, string outputId, string idempotencyKey, string? sentFiles = null)
    {
        using var connection = database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO deliveries (share_id, position, output_id, idempotency_key, delivered_at, sent_files)
            VALUES (@share, @position, @output, @key, @now, @sent) ON CONFLICT DO NOTHING
            """;
        insert.Parameters.AddWithValue("@sent", (object?)sentFiles ?? DBNull.Value);
        insert.Parameters.AddWithValue("@share", item.ShareId);
        insert.Parameters.AddWithValue("@position", item.Position);
        insert.Parameters.AddWithValue("@output", outputId);
        insert.Parameters.AddWithValue("@key", idempotencyKey);
        insert.Parameters.AddWithValue("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
    }

    /// <summary>What each output was sent of an image: output id → <see cref="SentFiles"/> JSON.</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="position">The image's position.</param>
    /// <returns>The recorded files per output (outputs delivered before this was recorded map to null).</returns>
    public IReadOnlyDictionary<string, string?> SentFilesOf(string shareId, int position)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT output_id, sent_files FROM deliveries WHERE share_id = @share AND position = @position";
        select.Parameters.AddWithValue("@share", shareId);
        select.Parameters.AddWithValue("@position", position);
        var sent = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            sent[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return sent;
    }

    /// <summary>The outputs that already have the image.</summary>
    /// <param name="item">The image.</param>
    /// <returns>Their plugin ids.</returns>
    public IReadOnlySet<string> DeliveredOutputs(ImageWorkItem item)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT output_id FROM deliveries WHERE share_id = @share AND position = @position";
        select.Parameters.AddWithValue("@share", item.ShareId);
        select.Parameters.AddWithValue("@position", item.Position);
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            outputs.Add(reader.GetString(0));
        }

        return outputs;
    }

    // Every change names the lease; a change of state also names the states the table lets it come from, so a
    // stage can never make a move StateTable does not allow. The row comes back as stored (RETURNING), never patched up
    // in memory by the caller.
    private ImageWorkItem? Update(ImageWorkItem item, ImageState? to, string assignments, Action<SqliteParameterCollection> parameters, bool keepLease)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        var lease = keepLease ? string.Empty : ", lease_token = NULL, lease_until = NULL";
        var transition = to is { } target ? $", state = '{StateNames.Of(target)}'" : string.Empty;
        var from = to is { } next ? $" AND state IN ({StateTable.Sql(StateTable.ImagesLeadingTo(next))})" : string.Empty;
        update.CommandText = $"""
            UPDATE images SET {assignments}{transition}{lease}
            WHERE share_id = @share AND position = @position AND lease_token = @token{from}
            RETURNING {Returning}
            """;
        update.Parameters.AddWithValue("@share", item.ShareId);
        update.Parameters.AddWithValue("@position", item.Position);
        update.Parameters.AddWithValue("@token", item.LeaseToken);
        parameters(update.Parameters);
        ImageWorkItem? stored;
        using (var reader = update.ExecuteReader())
        {
            stored = reader.Read() ? Read(reader) : null;
        }

        if (stored is null)
        {
            return null;
        }

        ShareStateWriter.FollowImages(connection, transaction, item.ShareId);
        transaction.Commit();
        return stored;
    }

    private static ImageWorkItem Read(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        // A kept document has its media type and no UIDs (NULL, which also keeps it out of the share's list of studies).
        // An instance's UIDs are stored as they are; NULL in one is a row written before documents were told apart this way.
        AnonymizedInstanceInfo? anonymized = reader.IsDBNull(7) ? null : Text(15) is { } mediaType
            ? AnonymizedInstanceInfo.Document(reader.GetString(7), reader.GetInt64(8), reader.GetString(9), mediaType)
            : AnonymizedInstanceInfo.Instance(reader.GetString(7), reader.GetInt64(8), reader.GetString(9),
                Text(10) ?? string.Empty, Text(11) ?? string.Empty, Text(12) ?? string.Empty, Text(13) ?? string.Empty, Text(14) ?? string.Empty);
        return new ImageWorkItem(
            reader.GetString(0),
            reader.GetInt32(1),
            reader.GetString(2),
            reader.GetString(16),
            StateNames.ImageStateOf(reader.GetString(3)),
            reader.GetInt32(4),
            Text(5) ?? string.Empty, // a released image has no lease: no later update can name it
            Text(6),
            anonymized);
    }
}
