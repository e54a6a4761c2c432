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
/// <remarks>
/// A list is a page of the operator console's feed, so it is built to answer in milliseconds from a million posts:
/// the filters read the copies of sector, risk and appeal kept in <c>posts</c> (<c>feed_*</c>, schema migration
/// «operator console's feed»), so one covering index finds a page newest first, or the posts of a rare filter, and
/// the count stops at <see cref="PostQuery.CountUpTo"/>. Only the page's posts are then read whole. Words are looked up
/// once per search into a temporary table, because a common word's prefix costs FTS5 tens of milliseconds: up to
/// <see cref="PickFromMatchesUpTo"/> matches the page is picked from among them, beyond that posts are walked newest
/// first and each is checked against them.
/// </remarks>
public sealed class SqlitePostSearch(SqliteDatabase database) : IPostSearch
{
    /// <summary>
    /// Up to this many posts with the words, reading them all and sorting them is cheaper than walking posts by time
    /// until a page of them turns up. Measured (CPU time) on a million posts: 791 matches are picked in 4 ms where walking to the
    /// 11th page passes the whole index (270 ms); at 23,700 matches (2.4%) walking to the 11th page takes 12 ms and
    /// picking 28 ms, since each match is a row read from the table while the walk reads the compact index.
    /// </summary>
    /// <remarks>Tests lower it to walk a small database by time.</remarks>
    internal int PickFromMatchesUpTo { get; init; } = 10_000;

    private const string MatchesTable = "mcu_search_matches";

    private const string Matches = "temp." + MatchesTable;

    private const string RecipientExists =
        "EXISTS (SELECT 1 FROM incident_posts ip JOIN incidents i ON i.id = ip.incident_id WHERE ip.post_key = p.key AND i.recipient_id = $recipient)";

    private const string NoFilter = "WHERE 1 = 1";

    public string Backend => "sqlite";

    public Task<QueryResult> SearchAsync(PostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        if (query.GroupBy is { } groupBy)
        {
            return Task.FromResult(Groups(query, groupBy, command));
        }

        return Task.FromResult(FromPosts(query, connection, command, (from, where, total) => List(query, command, from, where, total)));
    }

    /// <summary>
    /// SQLite's plans of the page and of the count of a list query, one line a step indented by depth: what
    /// <c>bench console --plans</c> prints, and what the tests check the feed's indexes against.
    /// </summary>
    internal IReadOnlyList<string> Explain(PostQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        return FromPosts(query, connection, command, (from, where, _) =>
        {
            command.Parameters.AddWithValue("$limit", Math.Max(1, query.Limit));
            command.Parameters.AddWithValue("$offset", query.Offset);
            command.Parameters.AddWithValue("$countLimit", (long?)query.CountUpTo + 1 ?? (object)DBNull.Value);
            return (IReadOnlyList<string>)[.. Plan(command, "page", PageSql(from, where)), .. Plan(command, "count", CountSql(from, where, query.CountUpTo is not null))];
        });
    }

    /// <summary>
    /// Calls <paramref name="use"/> with where the list's posts come from (naming them <c>p</c>), the filters, and the
    /// total when it is known already. Words are looked up once into a temporary table first, emptied afterwards.
    /// </summary>
    private T FromPosts<T>(PostQuery query, SqliteConnection connection, SqliteCommand command, Func<string, string, long?, T> use)
    {
        var where = Filters(query, command, RecipientExists);
        if (MatchExpression(query.Text) is not { } match)
        {
            return use("FROM posts p", where, null);
        }

        var found = CollectMatches(connection, match);
        try
        {
            // with the words alone the matches are the answer (the index holds exactly the posts' texts): no count needed
            long? total = where == NoFilter ? found : null;
            return found <= PickFromMatchesUpTo
                ? use($"FROM {Matches} m CROSS JOIN posts p ON p.rowid = m.id", where, total)
                // unary + keeps the planner from starting at the matches, which would sort them all
                : use("FROM posts p", where + $" AND +p.rowid IN (SELECT id FROM {Matches})", total);
        }
        finally
        {
            using var clear = connection.CreateCommand();
            clear.CommandText = $"DELETE FROM {Matches}";
            clear.ExecuteNonQuery();
        }
    }

    /// <summary>The page's rowids chosen from the indexes alone, then only those posts read whole.</summary>
    private static string PageSql(string from, string where) => $"""
        SELECT p.key, p.published_at, p.network, c.sector, c.risk_level, p.locality_id, c.is_appeal, i.recipient_id, p.url, p.text,
               p.source_id, p.author_name, c.risk_score, c.reasons, i.id
        FROM (SELECT p.rowid AS id {from} {where} ORDER BY p.published_at DESC, p.key LIMIT $limit OFFSET $offset) page
        JOIN posts p ON p.rowid = page.id
        JOIN classifications c ON c.post_key = p.key
        LEFT JOIN incidents i ON i.id = (SELECT MIN(ip.incident_id) FROM incident_posts ip WHERE ip.post_key = p.key)
        ORDER BY p.published_at DESC, p.key
        """;

    private static string CountSql(string from, string where, bool capped) => capped
        ? $"SELECT COUNT(*) FROM (SELECT 1 {from} {where} LIMIT $countLimit)"
        : $"SELECT COUNT(*) {from} {where}";

    private static List<string> Plan(SqliteCommand command, string name, string sql)
    {
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var depth = new Dictionary<long, int> { [0] = 0 };
        var lines = new List<string> { name + ":" };
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = level;
            lines.Add(new string(' ', 2 * level) + reader.GetString(3));
        }

        return lines;
    }

    /// <summary>Stores the rowids of the posts with the words in a temporary table of this connection; returns how many.</summary>
    private static int CollectMatches(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        // the connection is pooled: the table may be there from an earlier search, and is emptied after each
        command.CommandText = $"CREATE TEMP TABLE IF NOT EXISTS {MatchesTable} (id INTEGER PRIMARY KEY); DELETE FROM {Matches};";
        command.ExecuteNonQuery();
        command.CommandText = $"INSERT INTO {Matches} (id) SELECT rowid FROM posts_fts WHERE posts_fts MATCH $match";
        command.Parameters.AddWithValue("$match", match);
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// A page of posts newest first from <paramref name="from"/> (which names posts <c>p</c>), and the count unless
    /// <paramref name="total"/> already gives it.
    /// </summary>
    private static QueryResult List(PostQuery query, SqliteCommand command, string from, string where, long? total = null)
    {
        var limit = Math.Max(1, query.Limit);
        command.CommandText = PageSql(from, where);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", query.Offset);
        var posts = new List<PostHit>();
        using (var reader = command.ExecuteReader())
        {
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
                    AlertText.Excerpt(reader.GetString(9), 160),
                    reader.GetString(10),
                    reader.IsDBNull(11) ? null : reader.GetString(11),
                    reader.GetDouble(12),
                    reader.IsDBNull(14) ? null : reader.GetInt64(14),
                    reader.GetString(13)));
            }
        }

        if (total is { } known)
        {
            return new QueryResult(known, posts, []);
        }

        // a short page that is not past the end already tells the total
        if (posts.Count < limit && (posts.Count > 0 || query.Offset == 0))
        {
            return new QueryResult(query.Offset + posts.Count, posts, []);
        }

        if (query.CountUpTo is not { } cap)
        {
            command.CommandText = CountSql(from, where, capped: false);
            return new QueryResult((long)command.ExecuteScalar()!, posts, []);
        }

        command.CommandText = CountSql(from, where, capped: true);
        command.Parameters.AddWithValue("$countLimit", (long)Math.Max(0, cap) + 1);
        var counted = (long)command.ExecuteScalar()!;
        return counted > cap ? new QueryResult(cap, posts, [], TotalIsLowerBound: true) : new QueryResult(counted, posts, []);
    }

    /// <summary>Counts by one field; every matching post counts, so the total is exact.</summary>
    private static QueryResult Groups(PostQuery query, string groupBy, SqliteCommand command)
    {
        var where = Filters(query, command, "i.recipient_id = $recipient");
        if (MatchExpression(query.Text) is { } match)
        {
            where += " AND p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH $match)";
            command.Parameters.AddWithValue("$match", match);
        }

        var from = """
            FROM posts p
            JOIN classifications c ON c.post_key = p.key
            LEFT JOIN incident_posts ip ON ip.post_key = p.key
            LEFT JOIN incidents i ON i.id = ip.incident_id
            """;
        command.CommandText = $"SELECT COUNT(*) {from} {where}";
        var total = (long)command.ExecuteScalar()!;

        var key = GroupExpression(groupBy);
        command.CommandText = $"SELECT {key} AS k, COUNT(*) AS n {from} {where} GROUP BY k ORDER BY n DESC, k LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Max(1, query.Limit));
        using var reader = command.ExecuteReader();
        var groups = new List<GroupCount>();
        while (reader.Read())
        {
            groups.Add(new GroupCount(reader.IsDBNull(0) ? "(нет)" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, reader.GetInt64(1)));
        }

        return new QueryResult(total, [], groups);
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

    /// <summary>
    /// The filters other than the words, on posts alone: sector, risk and appeal through their copies in posts, which the
    /// feed's indexes cover (classifications hold the same values).
    /// </summary>
    private static string Filters(PostQuery query, SqliteCommand command, string recipientCondition)
    {
        var where = new StringBuilder(NoFilter);
        void Add(string condition, string name, object value)
        {
            where.Append(" AND ").Append(condition);
            command.Parameters.AddWithValue(name, value);
        }

        if (query.Sector is { } sector) Add("p.feed_sector = $sector", "$sector", sector);
        if (query.Locality is { } locality) Add("p.locality_id = $locality", "$locality", locality);
        if (query.Network is { } network) Add("p.network = $network", "$network", network);
        if (query.Recipient is { } recipient) Add(recipientCondition, "$recipient", recipient);
        if (query.Appeal is { } appeal) Add("p.feed_is_appeal = $appeal", "$appeal", appeal ? 1 : 0);
        if (query.From is { } from) Add("p.published_at >= $from", "$from", SqliteDatabase.ToDb(from));
        if (query.To is { } to) Add("p.published_at < $to", "$to", SqliteDatabase.ToDb(to));
        if (query.MinRisk is { } minRisk)
        {
            var min = Enum.Parse<RiskLevel>(minRisk, ignoreCase: true);
            if (min >= RiskLevel.High)
            {
                // in the words of the partial index ix_posts_feed_risky, so SQLite sees that it holds every such post
                where.Append(" AND p.feed_risk_level IN ('High', 'Critical')");
            }

            if (min != RiskLevel.High)
            {
                var levels = Enum.GetValues<RiskLevel>().Where(l => l >= min).Select(l => $"'{l}'");
                where.Append(" AND p.feed_risk_level IN (").Append(string.Join(", ", levels)).Append(')');
            }
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
