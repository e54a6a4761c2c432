using System.Globalization;
using Mcu.Monitor.Answers;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// Watches the threads of incident posts as their comments are stored: the official answer (a comment by the
/// community itself or a configured official account) marks the thread's open incidents Answered at the comment's
/// own time, with its completeness score; a resident who then writes that nothing was done reopens them. Runs in
/// the store's transaction, so the comment and what it did to the incident are committed together.
/// </summary>
public sealed class ThreadAnswers(OfficialAnswerDetector detector, ResidentReplyClassifier replies, IncidentTransitions transitions)
{
    /// <summary>
    /// The thread lookups of one transaction, prepared on first use and reused for every comment of the store's batch:
    /// preparing the three-table join anew for each comment cost more than running it.
    /// </summary>
    public static ThreadQueries Prepare(SqliteConnection connection, SqliteTransaction transaction) => new(connection, transaction);

    /// <summary>Looks at a newly stored comment; returns the incidents it answered and those it reopened.</summary>
    public (int Answered, IReadOnlyList<long> Reopened) Review(SqliteConnection connection, SqliteTransaction transaction, Post comment, DateTimeOffset now)
    {
        using var queries = Prepare(connection, transaction);
        return Review(queries, comment, now);
    }

    /// <inheritdoc cref="Review(SqliteConnection, SqliteTransaction, Post, DateTimeOffset)"/>
    public (int Answered, IReadOnlyList<long> Reopened) Review(ThreadQueries queries, Post comment, DateTimeOffset now)
    {
        if (comment.ParentKey is not { } parentKey)
        {
            return (0, []);
        }

        var incidents = queries.IncidentsInThread(parentKey.ToString());
        if (incidents.Count == 0)
        {
            return (0, []);
        }

        var (connection, transaction) = (queries.Connection, queries.Transaction);
        var thread = new Post
        {
            Key = parentKey,
            Municipality = comment.Municipality,
            SourceId = comment.SourceId,
            PublishedAt = comment.PublishedAt,
            AuthorName = queries.AuthorNameOf(parentKey.ToString()),
        };
        if (detector.Detect(thread, comment) is { } answer)
        {
            var score = RubricAnswerScorer.Of(answer.Rubric);
            var answered = incidents
                .Where(i => IncidentLifecycle.IsOpen(i.Status) && i.PublishedAt <= answer.AnsweredAt)
                .Count(i => transitions.Apply(connection, transaction, new IncidentCommand(i.Id, IncidentAction.Answer, $"official:{answer.AuthorName}", answer.AnsweredAt)
                {
                    AnswerPostKey = comment.Key.ToString(),
                    AnswerScore = score.Score,
                    AnswerDetails = score.DetailsJson,
                    Reason = string.Create(CultureInfo.InvariantCulture, $"официальный ответ в обсуждении, полнота {score.Score}/100"),
                }, now).Applied);
            return (answered, []);
        }

        if (detector.IsOfficial(thread, comment) || replies.Classify(comment) is not { Kind: ResidentReplyKind.NothingDone } reply)
        {
            return (0, []);
        }

        // The post's author, or anyone under a post that is itself the appeal; a commenter's own appeal only by its author.
        var reopened = incidents
            .Where(i => i.Status is IncidentStatus.Answered or IncidentStatus.Closed && i.AnsweredAt < comment.PublishedAt)
            .Where(i => i.PostKey == parentKey.ToString() || (i.AuthorId is { } author && author == comment.AuthorId))
            .Where(i => transitions.Apply(connection, transaction, new IncidentCommand(i.Id, IncidentAction.Reopen, $"resident:{comment.AuthorId ?? "unknown"}", comment.PublishedAt)
            {
                Reason = $"житель: «{reply.MatchedPhrase}» ({comment.Key})",
            }, now).Applied)
            .Select(i => i.Id)
            .Distinct()
            .ToList();
        return (0, reopened);
    }

    /// <summary>Prepared statements of one transaction (see <see cref="Prepare"/>).</summary>
    public sealed class ThreadQueries(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        private SqliteCommand? _incidents;
        private SqliteCommand? _authorName;

        internal SqliteConnection Connection => connection;

        internal SqliteTransaction Transaction => transaction;

        internal List<ThreadIncident> IncidentsInThread(string parentKey)
        {
            _incidents ??= Create("""
                SELECT DISTINCT i.id, i.status, p.key, p.author_id, p.published_at, i.answered_at
                FROM posts p
                JOIN incident_posts ip ON ip.post_key = p.key
                JOIN incidents i ON i.id = ip.incident_id
                WHERE p.key = $parent OR p.parent_key = $parent
                """, "$parent");
            _incidents.Parameters[0].Value = parentKey;
            using var reader = _incidents.ExecuteReader();
            var result = new List<ThreadIncident>();
            while (reader.Read())
            {
                result.Add(new ThreadIncident(
                    reader.GetInt64(0),
                    Enum.Parse<IncidentStatus>(reader.GetString(1)),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    SqliteDatabase.FromDb(reader.GetString(4)),
                    reader.IsDBNull(5) ? DateTimeOffset.MinValue : SqliteDatabase.FromDb(reader.GetString(5))));
            }

            return result;
        }

        internal string? AuthorNameOf(string key)
        {
            _authorName ??= Create("SELECT author_name FROM posts WHERE key = $key", "$key");
            _authorName.Parameters[0].Value = key;
            return _authorName.ExecuteScalar() as string;
        }

        public void Dispose()
        {
            _incidents?.Dispose();
            _authorName?.Dispose();
        }

        private SqliteCommand Create(string sql, string parameter)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.Add(parameter, SqliteType.Text);
            return command;
        }
    }

    internal sealed record ThreadIncident(long Id, IncidentStatus Status, string PostKey, string? AuthorId, DateTimeOffset PublishedAt, DateTimeOffset AnsweredAt);
}
