using System.Globalization;

namespace Mcu.Monitor.Storage;

/// <summary>
/// The delivery bookkeeping shared by the tables that are their own outbox (<c>alert_outbox</c>, <c>risk_spikes</c>): a
/// row is sent once, and a failed attempt is counted and scheduled again. The table is always one of
/// those constant names, never input.
/// </summary>
internal static class OutboxRows
{
    /// <summary>Records the delivery; false if it was recorded already (by another sender).</summary>
    public static bool MarkSent(SqliteDatabase database, string table, long id, string channel, string? deliveryId, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {table} SET sent_at = $now, channel = $channel, delivery_id = $delivery, attempts = attempts + 1, last_error = NULL
            WHERE id = $id AND sent_at IS NULL
            """;
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$delivery", (object?)deliveryId ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Counts a failed attempt and schedules the next one; returns the attempts made so far.</summary>
    public static int MarkFailed(SqliteDatabase database, string table, long id, string error, Func<int, DateTimeOffset> nextAttemptAfter)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"SELECT attempts FROM {table} WHERE id = $id";
        read.Parameters.AddWithValue("$id", id);
        var attempts = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture) + 1;

        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE {table} SET attempts = $attempts, last_error = $error, next_attempt_at = $next, claimed_until = NULL WHERE id = $id AND sent_at IS NULL";
        update.Parameters.AddWithValue("$attempts", attempts);
        update.Parameters.AddWithValue("$error", error);
        update.Parameters.AddWithValue("$next", SqliteDatabase.ToDb(nextAttemptAfter(attempts)));
        update.Parameters.AddWithValue("$id", id);
        update.ExecuteNonQuery();
        transaction.Commit();
        return attempts;
    }
}
