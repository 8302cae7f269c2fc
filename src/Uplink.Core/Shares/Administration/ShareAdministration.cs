using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Uplink.Core.Secrets;
using Uplink.Core.Shares.Pipeline;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Administration;

/// <summary>
/// What an administrator (the admin page, <c>uplink shares</c>) may see and do with shares: list and show them
/// without patient values, queue a failed or set-aside image again once its cause is fixed, and discard a
/// set-aside image for good. Every action, done or refused, is appended to the admin audit log in the same
/// transaction as its change. It works beside a running pipeline in this process or another: a requeued image
/// is due at once, so workers find it at their next poll (and at once in this process, which is woken).
/// </summary>
public sealed partial class ShareAdministration
{
    private const string RetryImageAction = "retry-image";
    private const string RetryShareAction = "retry-share";
    private const string DiscardImageAction = "discard-image";

    private readonly ShareDatabase _database;
    private readonly ShareSpool _spool;
    private readonly PipelineSignal _signal;
    private readonly TimeProvider _time;
    private readonly string _dataDirectory;
    private readonly AdminShareReader _reader;
    private readonly AdminAuditLog _audit;

    internal ShareAdministration(ShareDatabase database, ShareSpool spool, PipelineSignal signal, TimeProvider time, IOptions<PipelineOptions> options)
    {
        _database = database;
        _spool = spool;
        _signal = signal;
        _time = time;
        _dataDirectory = options.Value.DataDirectory;
        _reader = new AdminShareReader(database);
        _audit = new AdminAuditLog(database, time);
    }

    /// <summary>The images of a share with their state and, once anonymized, their new UIDs (the demo's report).</summary>
    /// <param name="shareId">The share's id.</param>
    /// <returns>The images in position order; empty for an unknown share.</returns>
    public IReadOnlyList<SharedInstance> Instances(string shareId) => new ShareRepository(_database, _time).GetInstances(shareId);

    /// <summary>The newest shares, newest first; exam ids only keyed-hashed.</summary>
    /// <param name="limit">How many at most (1 or more).</param>
    /// <returns>The shares.</returns>
    /// <exception cref="InvalidOperationException">The site secrets (the key exam ids are hashed with) are missing.</exception>
    public IReadOnlyList<ShareSummary> ListShares(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _reader.List(HashKey(), limit);
    }

    /// <summary>One share with each image's state, reason, attempts, deliveries and last error; no patient values.</summary>
    /// <param name="shareId">The share.</param>
    /// <returns>The share, or null when there is none with that id.</returns>
    /// <exception cref="InvalidOperationException">The site secrets (the key exam ids are hashed with) are missing.</exception>
    public ShareDetail? ShowShare(string shareId) => _reader.Show(HashKey(), shareId);

    /// <summary>
    /// Queues a failed or set-aside image again from its first stage (attempts reset, reason and lease cleared), and
    /// opens its share again if it had ended, so the share is handed off and ended once more when its images finish.
    /// </summary>
    /// <param name="shareId">The share.</param>
    /// <param name="position">The image's position, from 0.</param>
    /// <param name="actor">Who asks (for example <c>cli:alice</c>), for the audit log.</param>
    /// <returns>Done, or refused with why (unknown share or position, or an image in another state).</returns>
    public AdminActionResult RetryImage(string shareId, int position, string actor) =>
        Act(RetryImageAction, shareId, position, actor, (connection, transaction) =>
        {
            if (Refusal(connection, transaction, shareId, position, ImageState.Queued, "retried") is { } refused)
            {
                return refused;
            }

            var moved = Requeue(connection, transaction, shareId, position);
            return AdminActionResult.Done($"image {position} of share {shareId} is queued again", moved);
        });

    /// <summary>Queues every failed and set-aside image of a share again, as <see cref="RetryImage"/> does for one.</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <returns>Done with how many images, or refused (unknown share, or none of its images failed or set aside).</returns>
    public AdminActionResult RetryShare(string shareId, string actor) =>
        Act(RetryShareAction, shareId, null, actor, (connection, transaction) =>
        {
            var moved = Requeue(connection, transaction, shareId, null);
            return moved == 0
                ? AdminActionResult.Refused($"share {shareId} has no {Names(StateTable.AdminSourcesOf(ImageState.Queued))} image to retry")
                : AdminActionResult.Done($"{moved} image(s) of share {shareId} are queued again", moved);
        });

    /// <summary>Discards a set-aside image for good and removes what the spool keeps of it.</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="position">The image's position, from 0.</param>
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <returns>Done, or refused with why (unknown share or position, or an image that is not set aside).</returns>
    public AdminActionResult DiscardImage(string shareId, int position, string actor)
    {
        var result = Act(DiscardImageAction, shareId, position, actor, (connection, transaction) =>
        {
            if (Refusal(connection, transaction, shareId, position, ImageState.Discarded, "discarded") is { } refused)
            {
                return refused;
            }

            using var update = Command(connection, transaction, $"""
                UPDATE images SET state = '{StateNames.Of(ImageState.Discarded)}',
                    reason = 'discarded by an administrator' || COALESCE('; it had been set aside: ' || reason, ''),
                    lease_token = NULL, lease_until = NULL
                WHERE share_id = @share AND position = @position AND state IN ({StateTable.Sql(StateTable.AdminSourcesOf(ImageState.Discarded))})
                """, shareId, position);
            var moved = update.ExecuteNonQuery();
            ShareStateWriter.FollowImages(connection, transaction, shareId);
            return AdminActionResult.Done($"image {position} of share {shareId} is discarded", moved);
        });
        if (result.Succeeded)
        {
            _spool.DeleteImage(shareId, position);
        }

        return result;
    }

    /// <summary>The latest admin audit entries, newest first.</summary>
    /// <param name="limit">How many at most (1 or more).</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<AdminAuditEntry> ReadAudit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _audit.Read(limit);
    }

    private AdminActionResult Act(string action, string shareId, int? position, string actor, Func<SqliteConnection, SqliteTransaction, AdminActionResult> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(shareId);
        AdminActionResult result;
        using (var connection = _database.Open(durable: true))
        using (var transaction = connection.BeginTransaction())
        {
            using var exists = Command(connection, transaction, "SELECT COUNT(*) FROM shares WHERE share_id = @share", shareId, null);
            var known = Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
            result = known ? change(connection, transaction) : AdminActionResult.Refused($"there is no share {Shown(shareId)}");

            // What was asked for is kept only when it has the shape of a share id: a mistyped value could be anything.
            _audit.Append(connection, transaction, actor, action, known || ShareIdShape().IsMatch(shareId) ? shareId : null, position, result);
            transaction.Commit();
        }

        if (result.Succeeded && action != DiscardImageAction)
        {
            _signal.Pulse();
        }

        return result;
    }

    private static AdminActionResult? Refusal(SqliteConnection connection, SqliteTransaction transaction, string shareId, int position, ImageState target, string verb)
    {
        using var select = Command(connection, transaction, "SELECT state FROM images WHERE share_id = @share AND position = @position", shareId, position);
        if (select.ExecuteScalar() is not string stored)
        {
            using var count = Command(connection, transaction, "SELECT COUNT(*) FROM images WHERE share_id = @share", shareId, null);
            var images = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return AdminActionResult.Refused($"share {shareId} has no image at position {position} (its {images} image(s) are at positions 0 to {images - 1})");
        }

        var sources = StateTable.AdminSourcesOf(target);
        return sources.Contains(StateNames.ImageStateOf(stored))
            ? null
            : AdminActionResult.Refused($"image {position} of share {shareId} is {stored}; only {Names(sources)} images can be {verb}");
    }

    // Requeues one image (or every one an admin may requeue) and opens the share again for its hand-off.
    private int Requeue(SqliteConnection connection, SqliteTransaction transaction, string shareId, int? position)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var images = Command(connection, transaction, $"""
            UPDATE images SET state = '{StateNames.Of(ImageState.Queued)}', reason = NULL, attempt = 0, next_attempt_at = @now,
                lease_token = NULL, lease_until = NULL, anonymized_path = NULL, anonymized_length = NULL
            WHERE share_id = @share AND (@position IS NULL OR position = @position)
              AND state IN ({StateTable.Sql(StateTable.AdminSourcesOf(ImageState.Queued))})
            """, shareId, position);
        images.Parameters.AddWithValue("@now", now);
        var moved = images.ExecuteNonQuery();
        if (moved == 0)
        {
            return 0;
        }

        ShareStateWriter.Reopen(connection, transaction, shareId, now);
        return moved;
    }

    private byte[] HashKey() => SiteSecrets.ReadUidKey(_dataDirectory);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, string shareId, int? position)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@share", shareId);
        command.Parameters.AddWithValue("@position", (object?)position ?? DBNull.Value);
        return command;
    }

    private static string Names(IEnumerable<ImageState> states) => string.Join(" or ", states.Select(StateNames.Of));

    private static string Shown(string shareId) => ShareIdShape().IsMatch(shareId) ? shareId : "with the id given (not a share id)";

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ShareIdShape();
}
