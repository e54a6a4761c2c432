using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Alerts;

/// <summary>The alert outbox in SQLite: what is due, and marking each row delivered or failed.</summary>
public sealed class SqliteAlertOutbox(
    SqliteDatabase database,
    IOptions<RoutingOptions> routing,
    IOptions<ClassificationOptions> classification,
    IOptions<TerritoryOptions> territory)
{
    public IReadOnlyList<AlertMessage> LoadDue(DateTimeOffset now, int limit)
    {
        var recipients = routing.Value.Recipients.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var localities = territory.Value.Localities.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var sectors = classification.Value.Lexicon.Sectors;

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.idempotency_key, a.kind, a.incident_id, a.recipient_id,
                   i.sector, i.locality_id, i.risk_level, i.due_at,
                   p.network, p.url, p.text, p.published_at, c.reasons, a.details, a.created_at, i.post_key,
                   i.first_reaction_at IS NOT NULL, COALESCE(i.answer_due_at, i.due_at)
            FROM alert_outbox a
            JOIN incidents i ON i.id = a.incident_id
            JOIN posts p ON p.key = i.post_key
            LEFT JOIN classifications c ON c.post_key = p.key
            WHERE a.sent_at IS NULL AND a.next_attempt_at <= $now AND (a.claimed_until IS NULL OR a.claimed_until < $now)
            ORDER BY a.id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var result = new List<AlertMessage>();
        while (reader.Read())
        {
            var recipientId = reader.GetString(4);
            var sector = reader.GetString(5);
            var localityId = reader.IsDBNull(6) ? null : reader.GetString(6);
            var network = NetworkNames.TryParse(reader.GetString(9), out var n) ? n : Network.Vk;
            result.Add(new AlertMessage
            {
                AlertId = reader.GetInt64(0),
                IdempotencyKey = reader.GetString(1),
                Kind = reader.GetString(2),
                IncidentId = reader.GetInt64(3),
                RecipientId = recipientId,
                RecipientName = recipients.GetValueOrDefault(recipientId, recipientId),
                Sector = sector,
                SectorName = sectors.TryGetValue(sector, out var s) && s.Name.Length > 0 ? s.Name : sector,
                LocalityName = localityId is null ? null : localities.GetValueOrDefault(localityId, localityId),
                Risk = Enum.Parse<RiskLevel>(reader.GetString(7)),
                // The deadline that runs now: the final answer's once the recipient has reacted.
                DueAt = SqliteDatabase.FromDb(reader.GetBoolean(17) ? reader.GetString(18) : reader.GetString(8)),
                Network = network,
                PostUrl = reader.IsDBNull(10) ? null : reader.GetString(10),
                PostText = reader.GetString(11),
                PublishedAt = SqliteDatabase.FromDb(reader.GetString(12)),
                Reasons = reader.IsDBNull(13) ? [] : JsonSerializer.Deserialize<List<string>>(reader.GetString(13)) ?? [],
                Details = reader.IsDBNull(14) ? null : reader.GetString(14),
                CreatedAt = SqliteDatabase.FromDb(reader.GetString(15)),
                PostKey = reader.GetString(16),
            });
        }

        return result;
    }

    /// <summary>
    /// Takes the row for one delivery attempt until <paramref name="until"/>; false when another dispatcher
    /// (a second worker, or <c>run --once</c> beside <c>run</c>) holds it or it was delivered meanwhile.
    /// </summary>
    public bool TryClaim(long alertId, DateTimeOffset now, DateTimeOffset until)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE alert_outbox SET claimed_until = $until
            WHERE id = $id AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $now)
            """;
        command.Parameters.AddWithValue("$until", SqliteDatabase.ToDb(until));
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
        command.Parameters.AddWithValue("$id", alertId);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Records the delivery; false if another dispatcher recorded it first.</summary>
    public bool MarkSent(long alertId, string channel, string? deliveryId, DateTimeOffset now) =>
        OutboxRows.MarkSent(database, "alert_outbox", alertId, channel, deliveryId, now);

    /// <summary>Counts a failed attempt and schedules the next one; returns the attempts made so far.</summary>
    public int MarkFailed(long alertId, string error, Func<int, DateTimeOffset> nextAttemptAfter) =>
        OutboxRows.MarkFailed(database, "alert_outbox", alertId, error, nextAttemptAfter);

    public int CountPending()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM alert_outbox WHERE sent_at IS NULL";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
