using System.Globalization;
using System.Text;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Text;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Querying;

/// <summary>
/// <see cref="IPostSearch"/> on SQLite: FTS5 over post texts (each word is stemmed and matched as a prefix, so
/// Russian word forms match: «вода» → <c>вод*</c> finds «воды», «водой») plus SQL filters and GROUP BY.
/// </summary>
public sealed class SqlitePostSearch(SqliteDatabase database) : IPostSearch
{
    public string Backend => "sqlite";

    public Task<QueryResult> SearchAsync(PostQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var where = Filters(query, command);
        var from = """
            FROM posts p
            JOIN classifications c ON c.post_key = p.key
            LEFT JOIN incident_posts ip ON ip.post_key = p.key
            LEFT JOIN incidents i ON i.id = ip.incident_id
            """;

        command.CommandText = $"SELECT COUNT(*) {from} {where}";
        var total = (long)command.ExecuteScalar()!;

        if (query.GroupBy is { } groupBy)
        {
            var key = GroupExpression(groupBy);
            command.CommandText = $"SELECT {key} AS k, COUNT(*) AS n {from} {where} GROUP BY k ORDER BY n DESC, k LIMIT $limit";
            command.Parameters.AddWithValue("$limit", Math.Max(1, query.Limit));
            using var reader = command.ExecuteReader();
            var groups = new List<GroupCount>();
            while (reader.Read())
            {
                groups.Add(new GroupCount(reader.IsDBNull(0) ? "(нет)" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, reader.GetInt64(1)));
            }

            return Task.FromResult(new QueryResult(total, [], groups));
        }

        command.CommandText = $"""
            SELECT p.key, p.published_at, p.network, c.sector, c.risk_level, p.locality_id, c.is_appeal, i.recipient_id, p.url, p.text
            {from} {where}
            ORDER BY p.published_at DESC, p.key LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", Math.Max(1, query.Limit));
        using (var reader = command.ExecuteReader())
        {
            var posts = new List<PostHit>();
            while (reader.Read())
            {
                posts.Add(new PostHit(
                    reader.GetString(0),
                    SqliteDatabase.FromDb(reader.GetString(1)),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetInt64(6) == 1,
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    AlertText.Excerpt(reader.GetString(9), 160)));
            }

            return Task.FromResult(new QueryResult(total, posts, []));
        }
    }

    /// <summary>The FTS5 expression for free text: every word stemmed and matched as a prefix, all words required.</summary>
    public static string? MatchExpression(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = Tokenizer.Tokenize(TextNormalizer.ForMatching(text))
            .Select(t => t.Stem.Length >= 2 ? t.Stem : t.Surface)
            .Where(s => s.All(char.IsLetterOrDigit))
            .Distinct()
            .Select(s => $"\"{s}\"*")
            .ToList();
        return terms.Count == 0 ? null : string.Join(" AND ", terms);
    }

    private static string Filters(PostQuery query, SqliteCommand command)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        void Add(string condition, string name, object value)
        {
            where.Append(" AND ").Append(condition);
            command.Parameters.AddWithValue(name, value);
        }

        if (MatchExpression(query.Text) is { } match)
        {
            Add("p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH $match)", "$match", match);
        }

        if (query.Sector is { } sector) Add("c.sector = $sector", "$sector", sector);
        if (query.Locality is { } locality) Add("p.locality_id = $locality", "$locality", locality);
        if (query.Network is { } network) Add("p.network = $network", "$network", network);
        if (query.Recipient is { } recipient) Add("i.recipient_id = $recipient", "$recipient", recipient);
        if (query.Appeal is { } appeal) Add("c.is_appeal = $appeal", "$appeal", appeal ? 1 : 0);
        if (query.From is { } from) Add("p.published_at >= $from", "$from", SqliteDatabase.ToDb(from));
        if (query.To is { } to) Add("p.published_at < $to", "$to", SqliteDatabase.ToDb(to));
        if (query.MinRisk is { } minRisk)
        {
            var levels = Enum.GetValues<RiskLevel>().Where(l => l >= Enum.Parse<RiskLevel>(minRisk, ignoreCase: true)).Select(l => $"'{l}'");
            where.Append(" AND c.risk_level IN (").Append(string.Join(", ", levels)).Append(')');
        }

        return where.ToString();
    }

    private static string GroupExpression(string field) => field switch
    {
        "sector" => "c.sector",
        "risk" => "c.risk_level",
        "locality" => "p.locality_id",
        "network" => "p.network",
        "recipient" => "i.recipient_id",
        "source" => "p.source_id",
        "appeal" => "c.is_appeal",
        // published_at is UTC text: its first 10 characters are the UTC day
        "day" => "substr(p.published_at, 1, 10)",
        _ => throw new ArgumentException($"cannot group by '{field}'; use one of: {string.Join(", ", PostQuery.GroupFields)}", nameof(field)),
    };
}
