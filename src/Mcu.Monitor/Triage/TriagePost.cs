using Mcu.Monitor.Domain;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Triage;

/// <summary>A stored post as the triage sees it: the post, its labels, the incident it is in and the decision already made about it.</summary>
internal sealed record TriagePost(
    Post Post,
    string? LocalityId,
    string? LocalityMatch,
    string Sector,
    bool Appeal,
    string RiskLevel,
    double RiskScore,
    string Reasons,
    string ModelVersion,
    bool AwaitsTriage,
    TriageIncident? Incident,
    TriageRecord? Triage)
{
    public string Key => Post.Key.ToString();

    /// <summary>The post of the municipality with the key, or null.</summary>
    public static TriagePost? Load(SqliteConnection connection, SqliteTransaction transaction, string key, string municipality)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A post is in one incident at most (the pipeline and the triage keep it so); the newest wins if not.
        command.CommandText = $"""
            SELECT p.key, p.municipality, p.source_id, p.kind, p.parent_key, p.author_id, p.author_name, p.published_at, p.text, p.url,
                   p.locality_id, p.locality_match, c.sector, c.is_appeal, c.risk_level, c.risk_score, c.reasons, c.model_version, c.awaits_triage,
                   t.verdict, t.actor, t.at,
                   {TriageIncident.Columns}
            FROM posts p
            JOIN classifications c ON c.post_key = p.key
            LEFT JOIN post_triage t ON t.post_key = p.key
            LEFT JOIN incidents i ON i.id = (SELECT MAX(ip.incident_id) FROM incident_posts ip WHERE ip.post_key = p.key)
            WHERE p.key = $key AND p.municipality = $municipality
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$municipality", municipality);
        using var reader = command.ExecuteReader();
        if (!reader.Read() || !PostKey.TryParse(reader.GetString(0), out var postKey))
        {
            return null;
        }

        var post = new Post
        {
            Key = postKey,
            Municipality = reader.GetString(1),
            SourceId = reader.GetString(2),
            Kind = reader.GetString(3) == "comment" ? PostKind.Comment : PostKind.Post,
            ParentKey = !reader.IsDBNull(4) && PostKey.TryParse(reader.GetString(4), out var parent) ? parent : null,
            AuthorId = reader.IsDBNull(5) ? null : reader.GetString(5),
            AuthorName = reader.IsDBNull(6) ? null : reader.GetString(6),
            PublishedAt = SqliteDatabase.FromDb(reader.GetString(7)),
            Text = reader.GetString(8),
            Url = reader.IsDBNull(9) ? null : reader.GetString(9),
        };
        return new TriagePost(
            post,
            reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.GetString(12),
            reader.GetInt64(13) == 1,
            reader.GetString(14),
            reader.GetDouble(15),
            reader.GetString(16),
            reader.GetString(17),
            reader.GetInt64(18) == 1,
            TriageIncident.Read(reader, 22),
            reader.IsDBNull(19) ? null : new TriageRecord(Enum.Parse<TriageVerdict>(reader.GetString(19)), reader.GetString(20), SqliteDatabase.FromDb(reader.GetString(21))));
    }
}
