namespace Mcu.Monitor.Storage;

/// <summary>Read-only incident queries for the command line.</summary>
public sealed class SqliteIncidentQueries(SqliteDatabase database)
{
    public IReadOnlyList<IncidentRow> List(string? status, int limit) => Read(status, null, limit);

    private List<IncidentRow> Read(string? status, long? id, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.id, i.municipality, i.status, i.priority, i.risk_level, i.sector, i.locality_id, i.recipient_id,
                   i.opened_at, i.due_at, i.post_key, p.url,
                   (SELECT COUNT(*) FROM incident_posts ip WHERE ip.incident_id = i.id), i.routing_reason
            FROM incidents i JOIN posts p ON p.key = i.post_key
            WHERE ($status IS NULL OR i.status = $status) AND ($id IS NULL OR i.id = $id)
            ORDER BY i.due_at, i.id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<IncidentRow>();
        while (reader.Read())
        {
            rows.Add(new IncidentRow(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                SqliteDatabase.FromDb(reader.GetString(8)),
                SqliteDatabase.FromDb(reader.GetString(9)),
                reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetInt32(12),
                reader.GetString(13)));
        }

        return rows;
    }

    /// <summary>Row counts of the main tables, for summaries and checks.</summary>
    public StoreCounts Counts()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM posts), (SELECT COUNT(*) FROM incidents),
                   (SELECT COUNT(*) FROM alert_outbox), (SELECT COUNT(*) FROM alert_outbox WHERE sent_at IS NULL)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>One incident with its posts and timeline, or null.</summary>
    public IncidentDetail? Detail(long id)
    {
        var row = Read(null, id, 1).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COALESCE(answer_due_at, due_at), cycle, answer_post_key, answer_text, answer_score FROM incidents WHERE id = $id;
            SELECT post_key FROM incident_posts WHERE incident_id = $id ORDER BY added_at, post_key;
            SELECT at, type, actor, details FROM incident_events WHERE incident_id = $id ORDER BY at, id;
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        reader.Read();
        var answerDue = SqliteDatabase.FromDb(reader.GetString(0));
        var cycle = reader.GetInt32(1);
        var answerPost = reader.IsDBNull(2) ? null : reader.GetString(2);
        var answerText = reader.IsDBNull(3) ? null : reader.GetString(3);
        int? score = reader.IsDBNull(4) ? null : reader.GetInt32(4);
        reader.NextResult();
        var posts = new List<string>();
        while (reader.Read())
        {
            posts.Add(reader.GetString(0));
        }

        reader.NextResult();
        var events = new List<IncidentEventRow>();
        while (reader.Read())
        {
            events.Add(new IncidentEventRow(SqliteDatabase.FromDb(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return new IncidentDetail(row, answerDue, cycle, answerPost, answerText, score, posts, events);
    }
}

/// <summary>An incident as <c>incidents show</c> shows it.</summary>
public sealed record IncidentDetail(
    IncidentRow Incident, DateTimeOffset AnswerDueAt, int Cycle, string? AnswerPostKey, string? AnswerText, int? AnswerScore,
    IReadOnlyList<string> PostKeys, IReadOnlyList<IncidentEventRow> Events);

/// <summary>One entry of an incident's timeline.</summary>
public sealed record IncidentEventRow(DateTimeOffset At, string Type, string Actor, string? Details);
