using System.Text;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Triage;

/// <summary>
/// The console's «Инциденты»: the configured municipality's incidents, overdue ones first, one incident with its posts,
/// timeline and official answer, and the open incidents an appeal may be merged into. Read-only.
/// </summary>
public sealed class IncidentBoard(SqliteDatabase database, IOptions<MunicipalityOptions> municipality, TimeProvider time)
{
    /// <summary>The most items one page returns.</summary>
    public const int MaxLimit = 500;

    /// <summary>The length of <see cref="IncidentListItem.Excerpt"/>, as in alerts.</summary>
    public const int ExcerptLength = 160;

    private static readonly string Open = IncidentLifecycle.OpenStatusesSql;

    private static readonly string Columns = $"""
        i.id, i.status, i.priority, i.risk_level, i.sector, i.locality_id, i.recipient_id, i.opened_at, i.due_at, i.answer_due_at,
        {IncidentLifecycle.OverdueSql("i.")} AS overdue,
        (SELECT COUNT(*) FROM (SELECT ip.post_key FROM incident_posts ip WHERE ip.incident_id = i.id UNION SELECT i.post_key)),
        p.text, p.url
        """;

    private static readonly string Order = $"""
        overdue DESC, i.status IN {Open} DESC,
        {IncidentLifecycle.RunningDeadlineSql("i.")}, i.id
        """;

    /// <summary>
    /// Incidents with <paramref name="status"/> (any when null), open ones only if <paramref name="openOnly"/>: overdue
    /// first, then open ones by the nearest running deadline, then the rest; <paramref name="limit"/> is kept within 1..500.
    /// </summary>
    public (long Total, IReadOnlyList<IncidentListItem> Items) List(string? status, bool openOnly, int limit, int offset)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var where = $"i.municipality = $municipality AND ($status IS NULL OR i.status = $status) AND ($openOnly = 0 OR i.status IN {Open})";
        command.CommandText = $"""
            SELECT COUNT(*) FROM incidents i WHERE {where};
            SELECT {Columns} FROM incidents i JOIN posts p ON p.key = i.post_key WHERE {where} ORDER BY {Order} LIMIT $limit OFFSET $offset;
            """;
        Bind(command);
        command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("$openOnly", openOnly ? 1 : 0);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, MaxLimit));
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
        using var reader = command.ExecuteReader();
        reader.Read();
        var total = reader.GetInt64(0);
        reader.NextResult();
        return (total, ReadItems(reader));
    }

    /// <summary>One incident of the municipality with its posts (main post first, then by publication) and its timeline, or null.</summary>
    public IncidentDetail? Get(long id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns}, i.cycle, i.first_reaction_at, i.answered_at, i.closed_at, i.routing_reason, i.reject_reason,
                   i.answer_text, i.answer_post_key, i.answer_score, i.answer_details
            FROM incidents i JOIN posts p ON p.key = i.post_key WHERE i.id = $id AND i.municipality = $municipality;
            SELECT p.key, p.published_at, p.network, p.author_name, p.text, p.url, p.key = i.post_key
            FROM incidents i JOIN posts p ON p.key = i.post_key OR p.key IN (SELECT ip.post_key FROM incident_posts ip WHERE ip.incident_id = i.id)
            WHERE i.id = $id AND i.municipality = $municipality
            ORDER BY p.key = i.post_key DESC, p.published_at, p.key;
            SELECT id, type, actor, at, details FROM incident_events WHERE incident_id = $id AND municipality = $municipality ORDER BY at, id;
            """;
        Bind(command);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var item = ReadItem(reader);
        const int Extra = 14;
        var cycle = reader.GetInt32(Extra);
        var firstReaction = Date(reader, Extra + 1);
        var answered = Date(reader, Extra + 2);
        var closed = Date(reader, Extra + 3);
        var routingReason = reader.GetString(Extra + 4);
        var rejectReason = Text(reader, Extra + 5);
        var answerText = Text(reader, Extra + 6);
        var answerPost = Text(reader, Extra + 7);
        int? score = reader.IsDBNull(Extra + 8) ? null : reader.GetInt32(Extra + 8);
        var answerDetails = Text(reader, Extra + 9);

        reader.NextResult();
        var posts = new List<IncidentPostView>();
        while (reader.Read())
        {
            posts.Add(new IncidentPostView(reader.GetString(0), SqliteDatabase.FromDb(reader.GetString(1)), reader.GetString(2), Text(reader, 3),
                reader.GetString(4), Text(reader, 5), reader.GetInt64(6) == 1));
        }

        reader.NextResult();
        var timeline = new List<IncidentEventView>();
        while (reader.Read())
        {
            timeline.Add(new IncidentEventView(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), SqliteDatabase.FromDb(reader.GetString(3)), Text(reader, 4)));
        }

        return new IncidentDetail(item, cycle, firstReaction, answered, closed, routingReason, rejectReason, answerText, answerPost, score,
            answerDetails, posts, timeline);
    }

    /// <summary>
    /// Merge candidates: open incidents, newest first; with <paramref name="text"/>, those whose main post has all its
    /// words (as word beginnings, so «вод» finds «воды»), or the incident with that number («#12» or «12»).
    /// </summary>
    public IReadOnlyList<IncidentListItem> Search(string? text, int limit)
    {
        var words = Words(text);
        var number = long.TryParse(text?.Trim().TrimStart('#'), out var n) ? n : (long?)null;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var match = words.Length == 0
            ? ""
            : "AND (i.id IS $number OR p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH $match))";
        command.CommandText = $"""
            SELECT {Columns} FROM incidents i JOIN posts p ON p.key = i.post_key
            WHERE i.municipality = $municipality AND i.status IN {Open} {match}
            ORDER BY i.opened_at DESC, i.id DESC LIMIT $limit
            """;
        Bind(command);
        // Each word quoted, so nothing the officer types is FTS syntax; a trailing * makes it a prefix.
        command.Parameters.AddWithValue("$match", string.Join(' ', words.Select(w => $"\"{w}\"*")));
        command.Parameters.AddWithValue("$number", (object?)number ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, MaxLimit));
        using var reader = command.ExecuteReader();
        return ReadItems(reader);
    }

    /// <summary>Up to eight words of letters and digits; more would only narrow a search that is already narrow.</summary>
    private static string[] Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return [.. words.Take(8)];
    }

    private void Bind(SqliteCommand command)
    {
        command.Parameters.AddWithValue("$municipality", municipality.Value.Id);
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(time.GetUtcNow()));
    }

    private static List<IncidentListItem> ReadItems(SqliteDataReader reader)
    {
        var items = new List<IncidentListItem>();
        while (reader.Read())
        {
            items.Add(ReadItem(reader));
        }

        return items;
    }

    private static IncidentListItem ReadItem(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        Text(reader, 5),
        reader.GetString(6),
        SqliteDatabase.FromDb(reader.GetString(7)),
        SqliteDatabase.FromDb(reader.GetString(8)),
        Date(reader, 9),
        reader.GetInt64(10) == 1,
        reader.GetInt32(11),
        AlertText.Excerpt(reader.GetString(12), ExcerptLength),
        Text(reader, 13));

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Date(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : SqliteDatabase.FromDb(reader.GetString(ordinal));
}
