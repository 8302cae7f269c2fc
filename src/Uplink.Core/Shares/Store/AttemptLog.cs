namespace Uplink.Core.Shares.Store;

/// <summary>Every attempt at every stage, for the admin's history of a share. Reasons carry no patient data.</summary>
internal sealed class AttemptLog(ShareDatabase database, TimeProvider time)
{
    /// <summary>Appends one attempt.</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="position">The image's position, or null for the share's hand-off.</param>
    /// <param name="stage">fetch, anonymize, deliver or complete.</param>
    /// <param name="outputId">The output, for deliver and complete.</param>
    /// <param name="outcome">What happened (ok, retry, set-aside, discarded, failed).</param>
    /// <param name="reason">Why, when not ok.</param>
    public void Record(string shareId, int? position, string stage, string? outputId, string outcome, string? reason)
    {
        using var connection = database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO attempts (share_id, position, stage, output_id, outcome, reason, at)
            VALUES (@share, @position, @stage, @output, @outcome, @reason, @at)
            """;
        insert.Parameters.AddWithValue("@share", shareId);
        insert.Parameters.AddWithValue("@position", (object?)position ?? DBNull.Value);
        insert.Parameters.AddWithValue("@stage", stage);
        insert.Parameters.AddWithValue("@output", (object?)outputId ?? DBNull.Value);
        insert.Parameters.AddWithValue("@outcome", outcome);
        insert.Parameters.AddWithValue("@reason", (object?)reason ?? DBNull.Value);
        insert.Parameters.AddWithValue("@at", time.GetUtcNow().ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
    }
}
