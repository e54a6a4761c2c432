using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Storage;

/// <summary>
/// Re-runs classification over stored posts after a model change (<c>reclassify</c>), in batches of one transaction
/// each, in storage order so a post is done before its comments: the classification row gets the new decision and
/// model version, and an index-outbox row sends the post to Elasticsearch again. Incidents already opened stay as
/// they are. Posts whose text was erased by retention keep their labels.
/// </summary>
public sealed class SqliteReclassifier(SqliteDatabase database, IPostClassifier classifier, OfficialAccounts official, TimeProvider time)
{
    public sealed record Progress(long Seen, long Reclassified, long Changed);

    // all: reclassify every post, not only those classified by another model version
    public Progress Run(string modelVersion, int batchSize, bool all, Action<Progress> report, CancellationToken cancellationToken)
    {
        long lastRowId = 0, seen = 0, done = 0, changed = 0;
        using var connection = database.Open();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = ReadBatch(connection, lastRowId, batchSize);
            if (batch.Count == 0)
            {
                break;
            }

            lastRowId = batch[^1].RowId;
            seen += batch.Count;
            var now = SqliteDatabase.ToDb(time.GetUtcNow());
            using var transaction = connection.BeginTransaction();
            using var parent = Command(connection, transaction, "SELECT sector, is_appeal FROM classifications WHERE post_key = $key");
            using var upsert = Command(connection, transaction, """
                INSERT INTO classifications (post_key, municipality, sector, is_appeal, risk_level, risk_score, reasons, model_version, classified_at)
                VALUES ($key, $municipality, $sector, $appeal, $risk, $score, $reasons, $model, $now)
                ON CONFLICT(post_key) DO UPDATE SET sector = excluded.sector, is_appeal = excluded.is_appeal,
                    risk_level = excluded.risk_level, risk_score = excluded.risk_score, reasons = excluded.reasons,
                    model_version = excluded.model_version, classified_at = excluded.classified_at
                """);
            using var outbox = Command(connection, transaction, """
                INSERT INTO index_outbox (municipality, doc_type, doc_id, created_at, next_attempt_at)
                VALUES ($municipality, 'post', $key, $now, $now)
                """);
            foreach (var row in batch)
            {
                if (!all && row.ModelVersion == modelVersion)
                {
                    continue;
                }

                ParentContext? parentContext = null;
                if (row.Post.ParentKey is { } parentKey)
                {
                    parent.Parameters["$key"].Value = parentKey.ToString();
                    using var reader = parent.ExecuteReader();
                    parentContext = reader.Read() ? new ParentContext(reader.GetString(0), reader.GetInt64(1) == 1) : null;
                }

                var result = classifier.Classify(row.Post.Text, row.Post.Engagement, parentContext);
                if (official.NameOf(row.Post) is { } account)
                {
                    result = result with { IsAppeal = false, Reasons = [.. result.Reasons, $"не обращение: автор — официальный аккаунт «{account}»"] };
                }

                if (result.Sector != row.Sector || result.IsAppeal != row.IsAppeal || result.Risk.ToString() != row.Risk)
                {
                    changed++;
                }

                var key = row.Post.Key.ToString();
                upsert.Parameters["$key"].Value = key;
                upsert.Parameters["$municipality"].Value = row.Post.Municipality;
                upsert.Parameters["$sector"].Value = result.Sector;
                upsert.Parameters["$appeal"].Value = result.IsAppeal ? 1 : 0;
                upsert.Parameters["$risk"].Value = result.Risk.ToString();
                upsert.Parameters["$score"].Value = result.RiskScore;
                upsert.Parameters["$reasons"].Value = JsonSerializer.Serialize(result.Reasons, SqlitePostStore.Json);
                upsert.Parameters["$model"].Value = result.ModelVersion;
                upsert.Parameters["$now"].Value = now;
                upsert.ExecuteNonQuery();
                outbox.Parameters["$municipality"].Value = row.Post.Municipality;
                outbox.Parameters["$key"].Value = key;
                outbox.Parameters["$now"].Value = now;
                outbox.ExecuteNonQuery();
                done++;
            }

            transaction.Commit();
            report(new Progress(seen, done, changed));
        }

        return new Progress(seen, done, changed);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z]+").Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private sealed record Row(long RowId, Post Post, string? Sector, bool IsAppeal, string? Risk, string? ModelVersion);

    private static List<Row> ReadBatch(SqliteConnection connection, long afterRowId, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.rowid, p.key, p.municipality, p.source_id, p.kind, p.parent_key, p.author_id, p.published_at, p.text,
                   p.likes, p.comments, p.reposts, p.views, c.sector, c.is_appeal, c.risk_level, c.model_version
            FROM posts p LEFT JOIN classifications c ON c.post_key = p.key
            WHERE p.rowid > $after AND p.text_erased_at IS NULL
            ORDER BY p.rowid LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", afterRowId);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            if (!PostKey.TryParse(reader.GetString(1), out var key))
            {
                continue;
            }

            PostKey? parentKey = !reader.IsDBNull(5) && PostKey.TryParse(reader.GetString(5), out var p) ? p : null;
            var post = new Post
            {
                Key = key,
                Municipality = reader.GetString(2),
                SourceId = reader.GetString(3),
                Kind = reader.GetString(4) == "comment" ? PostKind.Comment : PostKind.Post,
                ParentKey = parentKey,
                AuthorId = reader.IsDBNull(6) ? null : reader.GetString(6),
                PublishedAt = SqliteDatabase.FromDb(reader.GetString(7)),
                Text = reader.GetString(8),
                Engagement = new Engagement(reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12)),
            };
            rows.Add(new Row(reader.GetInt64(0), post, reader.IsDBNull(13) ? null : reader.GetString(13),
                !reader.IsDBNull(14) && reader.GetInt64(14) == 1, reader.IsDBNull(15) ? null : reader.GetString(15),
                reader.IsDBNull(16) ? null : reader.GetString(16)));
        }

        return rows;
    }
}
