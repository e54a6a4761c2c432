using System.Globalization;
using System.Text;
using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Storage;

/// <summary>
/// The index outbox and the documents behind it. Every new or changed post and incident gets an outbox row
/// in the transaction that changed it; an indexer reads due rows, builds the documents from SQLite as they
/// are now, sends them, and marks the rows. Documents are always built from the current state, so sending
/// an old row again can only send the newest document, with the newest version.
/// </summary>
public sealed class SqliteIndexOutbox(
    SqliteDatabase database,
    IOptions<ClassificationOptions> classification,
    IOptions<TerritoryOptions> territory,
    IOptions<RoutingOptions> routing)
{
    public IReadOnlyList<IndexOutboxItem> LoadDue(DateTimeOffset now, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, doc_type, doc_id, attempts FROM index_outbox
            WHERE indexed_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $now
            ORDER BY id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var items = new List<IndexOutboxItem>();
        while (reader.Read())
        {
            items.Add(new IndexOutboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return items;
    }

    public void MarkIndexed(IReadOnlyCollection<long> ids, DateTimeOffset now) =>
        Update(ids, "indexed_at = $now, last_error = NULL", now, null, null);

    public void MarkRetry(IReadOnlyCollection<long> ids, string error, DateTimeOffset nextAttempt) =>
        Update(ids, "attempts = attempts + 1, last_error = $error, next_attempt_at = $next", nextAttempt, error, nextAttempt);

    /// <summary>A document the index refuses for good (a mapping error): kept aside with its error, never retried.</summary>
    public void MarkDead(IReadOnlyCollection<long> ids, string error, DateTimeOffset now) =>
        Update(ids, "dead_at = $now, attempts = attempts + 1, last_error = $error", now, error, null);

    public (long Pending, long Dead) Counts()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM index_outbox WHERE indexed_at IS NULL AND dead_at IS NULL),
                   (SELECT COUNT(*) FROM index_outbox WHERE dead_at IS NOT NULL)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public IReadOnlyList<PostDocument> ReadPosts(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = PostSelect + $" WHERE p.key IN ({Placeholders(command, keys)})";
        return ReadPostRows(command);
    }

    /// <summary>Every post, page by page in storage order (for <c>index rebuild</c>).</summary>
    public IEnumerable<PostDocument> ReadAllPosts(int pageSize)
    {
        long after = 0;
        while (true)
        {
            List<PostDocument> page;
            long last;
            using (var connection = database.Open())
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT max(rowid) FROM (SELECT rowid FROM posts WHERE rowid > $after ORDER BY rowid LIMIT $size)";
                command.Parameters.AddWithValue("$after", after);
                command.Parameters.AddWithValue("$size", pageSize);
                if (command.ExecuteScalar() is not long max)
                {
                    yield break;
                }

                last = max;
                command.CommandText = PostSelect + " WHERE p.rowid > $after AND p.rowid <= $last ORDER BY p.rowid";
                command.Parameters.AddWithValue("$last", last);
                page = ReadPostRows(command);
            }

            foreach (var document in page)
            {
                yield return document;
            }

            after = last;
        }
    }

    public IReadOnlyList<IncidentDocument> ReadIncidents(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = IncidentSelect + $" WHERE i.id IN ({Placeholders(command, ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList())})";
        return ReadIncidentRows(command);
    }

    /// <summary>Every incident (for <c>index rebuild</c>); incidents are few next to posts.</summary>
    public IReadOnlyList<IncidentDocument> ReadAllIncidents()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = IncidentSelect + " ORDER BY i.id";
        return ReadIncidentRows(command);
    }

    private const string PostSelect = """
        SELECT p.key, COALESCE((SELECT MAX(o.id) FROM index_outbox o WHERE o.doc_type = 'post' AND o.doc_id = p.key), 0),
               p.municipality, p.network, p.source_id, p.kind, p.parent_key, p.published_at, p.stored_at, p.text,
               p.text_erased_at IS NOT NULL, p.url, p.locality_id,
               c.sector, c.is_appeal, c.risk_level, c.risk_score, c.reasons, c.model_version, c.classified_at,
               i.id, i.recipient_id, p.likes, p.comments, p.reposts, p.views
        FROM posts p
        JOIN classifications c ON c.post_key = p.key
        LEFT JOIN incident_posts ip ON ip.post_key = p.key
        LEFT JOIN incidents i ON i.id = ip.incident_id
        """;

    private const string IncidentSelect = """
        SELECT i.id, COALESCE((SELECT MAX(o.id) FROM index_outbox o WHERE o.doc_type = 'incident' AND o.doc_id = CAST(i.id AS TEXT)), 0),
               i.municipality, i.post_key, p.url, (SELECT COUNT(*) FROM incident_posts ip WHERE ip.incident_id = i.id),
               i.sector, i.locality_id, i.recipient_id, i.priority, i.risk_level, i.status,
               i.opened_at, i.due_at, i.updated_at, i.routing_reason,
               i.answer_due_at, i.first_reaction_at, i.answered_at, COALESCE(i.clock_started_at, i.opened_at), i.answer_score,
               i.escalation_level, i.reopen_count
        FROM incidents i JOIN posts p ON p.key = i.post_key
        """;

    private List<PostDocument> ReadPostRows(SqliteCommand command)
    {
        var names = new Names(classification.Value, territory.Value, routing.Value);
        using var reader = command.ExecuteReader();
        var documents = new List<PostDocument>();
        while (reader.Read())
        {
            var sector = reader.GetString(13);
            var locality = reader.IsDBNull(12) ? null : reader.GetString(12);
            var recipient = reader.IsDBNull(21) ? null : reader.GetString(21);
            documents.Add(new PostDocument
            {
                Id = reader.GetString(0),
                Version = Math.Max(1, reader.GetInt64(1)),
                Municipality = reader.GetString(2),
                Network = reader.GetString(3),
                Source = reader.GetString(4),
                Kind = reader.GetString(5),
                ParentId = reader.IsDBNull(6) ? null : reader.GetString(6),
                PublishedAt = SqliteDatabase.FromDb(reader.GetString(7)),
                StoredAt = SqliteDatabase.FromDb(reader.GetString(8)),
                Text = reader.GetString(9),
                TextErased = reader.GetBoolean(10),
                Url = reader.IsDBNull(11) ? null : reader.GetString(11),
                LocalityId = locality,
                LocalityName = names.Locality(locality),
                Sector = sector,
                SectorName = names.Sector(sector),
                Appeal = reader.GetInt64(14) == 1,
                RiskLevel = reader.GetString(15),
                RiskScore = reader.GetDouble(16),
                Reasons = JsonSerializer.Deserialize<List<string>>(reader.GetString(17)) ?? [],
                ModelVersion = reader.GetString(18),
                ClassifiedAt = SqliteDatabase.FromDb(reader.GetString(19)),
                IncidentId = reader.IsDBNull(20) ? null : reader.GetInt64(20),
                RecipientId = recipient,
                RecipientName = names.Recipient(recipient),
                Likes = reader.GetInt32(22),
                Comments = reader.GetInt32(23),
                Reposts = reader.GetInt32(24),
                Views = reader.GetInt32(25),
            });
        }

        return documents;
    }

    private List<IncidentDocument> ReadIncidentRows(SqliteCommand command)
    {
        var names = new Names(classification.Value, territory.Value, routing.Value);
        using var reader = command.ExecuteReader();
        var documents = new List<IncidentDocument>();
        while (reader.Read())
        {
            var sector = reader.GetString(6);
            var locality = reader.IsDBNull(7) ? null : reader.GetString(7);
            var recipient = reader.GetString(8);
            documents.Add(new IncidentDocument
            {
                Id = reader.GetInt64(0),
                Version = Math.Max(1, reader.GetInt64(1)),
                Municipality = reader.GetString(2),
                PostId = reader.GetString(3),
                PostUrl = reader.IsDBNull(4) ? null : reader.GetString(4),
                Posts = reader.GetInt32(5),
                Sector = sector,
                SectorName = names.Sector(sector),
                LocalityId = locality,
                LocalityName = names.Locality(locality),
                RecipientId = recipient,
                RecipientName = names.Recipient(recipient) ?? recipient,
                Priority = reader.GetString(9),
                RiskLevel = reader.GetString(10),
                Status = reader.GetString(11),
                OpenedAt = SqliteDatabase.FromDb(reader.GetString(12)),
                DueAt = SqliteDatabase.FromDb(reader.GetString(13)),
                UpdatedAt = SqliteDatabase.FromDb(reader.GetString(14)),
                RoutingReason = reader.GetString(15),
                AnswerDueAt = OptionalTime(reader, 16),
                FirstReactionAt = OptionalTime(reader, 17),
                AnsweredAt = OptionalTime(reader, 18),
                ReactionMinutes = OptionalTime(reader, 17) is { } reacted ? Math.Round((reacted - SqliteDatabase.FromDb(reader.GetString(19))).TotalMinutes, 1) : null,
                AnswerScore = reader.IsDBNull(20) ? null : reader.GetInt32(20),
                EscalationLevel = reader.GetInt32(21),
                ReopenCount = reader.GetInt32(22),
            });
        }

        return documents;
    }

    private static DateTimeOffset? OptionalTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteDatabase.FromDb(reader.GetString(ordinal));

    private void Update(IReadOnlyCollection<long> ids, string set, DateTimeOffset at, string? error, DateTimeOffset? next)
    {
        if (ids.Count == 0)
        {
            return;
        }

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE index_outbox SET {set} WHERE id = $id";
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(at));
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$next", next is null ? DBNull.Value : SqliteDatabase.ToDb(next.Value));
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        foreach (var value in ids)
        {
            id.Value = value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static string Placeholders(SqliteCommand command, IReadOnlyCollection<string> values)
    {
        var names = new StringBuilder();
        var i = 0;
        foreach (var value in values)
        {
            var name = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value);
            names.Append(i++ == 0 ? "" : ", ").Append(name);
        }

        return names.ToString();
    }

    /// <summary>Display names from configuration, so dashboards show «Дороги», not <c>roads</c>.</summary>
    private sealed class Names(ClassificationOptions classification, TerritoryOptions territory, RoutingOptions routing)
    {
        private readonly Dictionary<string, string> _localities = territory.Localities.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        private readonly Dictionary<string, string> _recipients = routing.Recipients.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);

        public string Sector(string id) =>
            classification.Lexicon.Sectors.TryGetValue(id, out var s) && s.Name.Length > 0 ? s.Name : id == Domain.Sectors.Other ? "Прочее" : id;

        public string? Locality(string? id) => id is null ? null : _localities.GetValueOrDefault(id, id);

        public string? Recipient(string? id) => id is null ? null : _recipients.GetValueOrDefault(id, id);
    }
}
