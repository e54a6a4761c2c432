using Mcu.Monitor.Storage;

namespace Mcu.Monitor.Alerts;

/// <summary>
/// One row per message delivered for an alert (one per chat or mailbox), written right after each send: an alert
/// that goes to three chats and is interrupted after the second repeats at most the message whose row was not
/// written, never the ones before it.
/// </summary>
public sealed class AlertDeliveries(SqliteDatabase database, TimeProvider time)
{
    public IReadOnlyDictionary<string, string?> Delivered(long alertId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT target, message_id FROM alert_deliveries WHERE alert_id = $id";
        command.Parameters.AddWithValue("$id", alertId);
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return result;
    }

    public void Record(long alertId, string target, string? messageId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO alert_deliveries (alert_id, target, message_id, sent_at) VALUES ($id, $target, $message, $now)
            ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", alertId);
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$message", (object?)messageId ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(time.GetUtcNow()));
        command.ExecuteNonQuery();
    }
}
