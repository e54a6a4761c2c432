using System.Diagnostics.CodeAnalysis;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Text;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Triage;

/// <summary>
/// The console's «Очередь»: the configured municipality's posts classified as appeals that no officer has triaged yet
/// (<c>classifications.awaits_triage</c>, cleared by <see cref="TriageService.Apply"/>). Every appeal is triaged once,
/// including those already in an incident the pipeline opened or merged them into — the officer confirms the labels,
/// the recipient and the merge. Appeals whose incident was answered or closed before the console existed were left
/// out by the migration. Official accounts' posts never get here: the pipeline never classifies them as appeals.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "«Очередь» of issue #8; the console already codes against this name")]
public sealed class TriageQueue(SqliteDatabase database, Router router, IOptions<MunicipalityOptions> municipality)
{
    /// <summary>The most items one page returns.</summary>
    public const int MaxLimit = 500;

    /// <summary>Appeals awaiting triage, highest risk level first, then newest first; <paramref name="limit"/> is kept within 1..500.</summary>
    public QueuePage Pending(int limit, int offset)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // The WHERE repeats the partial index's condition (is_appeal = 1 AND awaits_triage = 1) so SQLite uses it: the
        // queue reads the pending appeals only, however many appeals were triaged before.
        command.CommandText = """
            SELECT COUNT(*) FROM classifications c
            WHERE c.municipality = $municipality AND c.is_appeal = 1 AND c.awaits_triage = 1;
            SELECT p.key, p.published_at, p.network, p.source_id, p.author_name, p.text, p.url,
                   c.sector, c.is_appeal, c.risk_level, c.risk_score, p.locality_id, c.reasons,
                   i.id, i.status, i.recipient_id
            FROM classifications c
            JOIN posts p ON p.key = c.post_key
            LEFT JOIN incidents i ON i.id = (SELECT MAX(ip.incident_id) FROM incident_posts ip WHERE ip.post_key = c.post_key)
            WHERE c.municipality = $municipality AND c.is_appeal = 1 AND c.awaits_triage = 1
            ORDER BY CASE c.risk_level WHEN 'Critical' THEN 0 WHEN 'High' THEN 1 WHEN 'Medium' THEN 2 ELSE 3 END,
                     p.published_at DESC, p.key
            LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$municipality", municipality.Value.Id);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, MaxLimit));
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
        using var reader = command.ExecuteReader();
        reader.Read();
        var total = reader.GetInt64(0);
        reader.NextResult();
        var items = new List<QueueItem>();
        while (reader.Read())
        {
            var sector = reader.GetString(7);
            var text = reader.GetString(5);
            var locality = reader.IsDBNull(11) ? null : reader.GetString(11);
            long? incident = reader.IsDBNull(13) ? null : reader.GetInt64(13);
            // A post in no incident shows whom the rules would route it to, so confirming it is one click.
            var recipient = incident is null
                ? router.Route(sector, locality, Tokenizer.Tokenize(TextNormalizer.ForMatching(text))).RecipientId
                : reader.GetString(15);
            items.Add(new QueueItem(
                reader.GetString(0),
                SqliteDatabase.FromDb(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                text,
                reader.IsDBNull(6) ? null : reader.GetString(6),
                sector,
                reader.GetInt64(8) == 1,
                reader.GetString(9),
                reader.GetDouble(10),
                locality,
                reader.GetString(12),
                incident,
                reader.IsDBNull(14) ? null : reader.GetString(14),
                recipient));
        }

        return new QueuePage(total, items);
    }
}
