namespace Uplink.Core.Shares.Store;

/// <summary>The store's tables. Times are Unix milliseconds from the host's <see cref="TimeProvider"/>.</summary>
internal static class ShareSchema
{
    /// <summary>Columns added since a store could first have been created; a store that lacks one gets it on open.</summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns =
    [
        ("images", "media_type", "TEXT NULL"),
        ("deliveries", "sent_files", "TEXT NULL"),
    ];

    /// <summary>Creates every table and index that does not exist yet; the state <c>CHECK</c>s come from <see cref="StateTable"/>.</summary>
    public static readonly string Create = $$"""
        CREATE TABLE IF NOT EXISTS shares (
            share_id         TEXT PRIMARY KEY,
            request_id       TEXT NOT NULL UNIQUE,
            exam_id          TEXT NOT NULL,
            source_plugin_id TEXT NOT NULL,
            recipient        BLOB NULL,
            state            TEXT NOT NULL CHECK (state IN ({{StateTable.Sql(StateTable.Shares.Keys)}})),
            reason           TEXT NULL,
            image_count      INTEGER NOT NULL,
            created_at       INTEGER NOT NULL,
            completed_at     INTEGER NULL,
            attempt          INTEGER NOT NULL DEFAULT 0,
            next_attempt_at  INTEGER NOT NULL DEFAULT 0,
            lease_token      TEXT NULL,
            lease_until      INTEGER NULL);
        CREATE TABLE IF NOT EXISTS images (
            share_id            TEXT NOT NULL REFERENCES shares(share_id),
            position            INTEGER NOT NULL,
            image_id            TEXT NOT NULL,
            state               TEXT NOT NULL CHECK (state IN ({{StateTable.Sql(StateTable.Images.Keys)}})),
            reason              TEXT NULL,
            attempt             INTEGER NOT NULL DEFAULT 0,
            next_attempt_at     INTEGER NOT NULL DEFAULT 0,
            lease_token         TEXT NULL,
            lease_until         INTEGER NULL,
            source_path         TEXT NULL,
            source_length       INTEGER NULL,
            anonymized_path     TEXT NULL,
            anonymized_length   INTEGER NULL,
            sha256              TEXT NULL,
            sop_class_uid       TEXT NULL,
            sop_instance_uid    TEXT NULL,
            study_instance_uid  TEXT NULL,
            series_instance_uid TEXT NULL,
            transfer_syntax_uid TEXT NULL,
            media_type          TEXT NULL,
            audit_json          TEXT NULL,
            PRIMARY KEY (share_id, position));
        CREATE INDEX IF NOT EXISTS images_due ON images (state, next_attempt_at);
        CREATE INDEX IF NOT EXISTS shares_due ON shares (state, next_attempt_at);
        CREATE TABLE IF NOT EXISTS deliveries (
            share_id        TEXT NOT NULL,
            position        INTEGER NOT NULL,
            output_id       TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            delivered_at    INTEGER NOT NULL,
            sent_files      TEXT NULL,
            PRIMARY KEY (share_id, position, output_id),
            FOREIGN KEY (share_id, position) REFERENCES images(share_id, position));
        CREATE TABLE IF NOT EXISTS completions (
            share_id     TEXT NOT NULL REFERENCES shares(share_id),
            output_id    TEXT NOT NULL,
            completed_at INTEGER NOT NULL,
            PRIMARY KEY (share_id, output_id));
        CREATE TABLE IF NOT EXISTS attempts (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            share_id  TEXT NOT NULL,
            position  INTEGER NULL,
            stage     TEXT NOT NULL,
            output_id TEXT NULL,
            outcome   TEXT NOT NULL,
            reason    TEXT NULL,
            at        INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS attempts_output ON attempts (output_id, at);
        CREATE TABLE IF NOT EXISTS admin_audit (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            at       INTEGER NOT NULL,
            actor    TEXT NOT NULL,
            action   TEXT NOT NULL,
            share_id TEXT NULL,
            position INTEGER NULL,
            outcome  TEXT NOT NULL,
            detail   TEXT NULL);
        """;
}
