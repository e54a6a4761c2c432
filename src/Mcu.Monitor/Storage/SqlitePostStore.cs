using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Municipalities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Storage;

/// <summary>
/// The pipeline's store. A batch — its new posts, their classifications, the incidents, events and
/// alert rows of posts that were really new, and the cursor — commits in one transaction, and rows are
/// inserted with <c>ON CONFLICT … DO NOTHING</c> on their unique key: a replayed batch after a kill changes
/// nothing. (Not <c>INSERT OR IGNORE</c>: that also swallows NOT NULL and foreign-key violations, which
/// would look like duplicates and lose the post; those must fail the batch instead.)
/// </summary>
public sealed class SqlitePostStore(
    SqliteDatabase database,
    IOptions<MunicipalityOptions> municipality,
    TimeProvider time,
    IncidentMergeOptions? merge = null,
    Func<string, bool>? placeWords = null,
    ThreadAnswers? threads = null) : IPostStore, IDisposable
{
    /// <summary>Reasons and attachments are stored as JSON with Cyrillic as it is, so SQL and people can read them.</summary>
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly Lock _readLock = new();
    private readonly MergeDecision _mergeDecision = new(merge ?? new IncidentMergeOptions(), placeWords);
    private SqliteConnection? _reader;
    private SqliteCommand? _contains;
    private SqliteCommand? _parent;

    /// <summary>Called for every post read, so it keeps one connection and a prepared statement.</summary>
    public string? StoredContentHash(string postKey)
    {
        lock (_readLock)
        {
            _contains ??= PrepareRead("SELECT content_hash FROM posts WHERE key = $key");
            _contains.Parameters[0].Value = postKey;
            return _contains.ExecuteScalar() as string;
        }
    }

    public ParentContext? FindParent(string postKey)
    {
        lock (_readLock)
        {
            _parent ??= PrepareRead("SELECT sector, is_appeal FROM classifications WHERE post_key = $key");
            _parent.Parameters[0].Value = postKey;
            using var reader = _parent.ExecuteReader();
            return reader.Read() ? new ParentContext(reader.GetString(0), reader.GetInt64(1) == 1) : null;
        }
    }

    private SqliteCommand PrepareRead(string sql)
    {
        _reader ??= database.Open();
        var command = _reader.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$key", SqliteType.Text);
        command.Prepare();
        return command;
    }

    public string? ReadCursor(string sourceId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM cursors WHERE source_id = $id";
        command.Parameters.AddWithValue("$id", sourceId);
        return command.ExecuteScalar() as string;
    }

    public Task<CommitResult> CommitAsync(string sourceId, IReadOnlyList<ProcessedPost> posts, string? cursor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteDatabase.ToDb(time.GetUtcNow());
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var commands = new BatchCommands(connection, transaction);
        using var threadQueries = threads is null ? null : ThreadAnswers.Prepare(connection, transaction);

        var stored = 0;
        var edited = 0;
        var merged = 0;
        var duplicates = 0;
        var incidents = 0;
        var alerts = 0;
        var bySector = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var item in posts)
        {
            long reopenedBy = 0;

            // Inside the transaction, the insert itself tells a new post (a row inserted) from a stored one (none, by
            // ON CONFLICT DO NOTHING), and only a stored one's hash is read, to tell a duplicate from an edit: most posts
            // are new, and a SELECT before every insert cost the commit thread (the import's bottleneck, issue #2).
            var isNew = commands.InsertPost(item, sourceId, now);
            if (!isNew && commands.StoredHash(item.Post.Key.ToString()) == item.ContentHash)
            {
                duplicates++;
                continue;
            }

            if (isNew)
            {
                stored++;
                bySector[item.Classification.Sector] = bySector.GetValueOrDefault(item.Classification.Sector) + 1;
                if (threads is not null && item.Post.ParentKey is not null)
                {
                    var reopened = threads.Review(threadQueries!, item.Post, time.GetUtcNow()).Reopened;
                    reopenedBy = reopened.Count > 0 ? reopened[0] : 0;
                }
            }
            else
            {
                commands.UpdateEditedPost(item, now);
                edited++;
            }

            commands.InsertClassification(item, now);
            commands.QueueForIndex(item.Post.Municipality, IndexDocumentTypes.Post, item.Post.Key.ToString(), now);

            // An edit that turns a post into an appeal opens its incident now; one that was open stays as it is. A post
            // inserted just now is in no incident: incident_posts.post_key references posts(key) with foreign keys on.
            if (item.Incident is not { } plan || (!isNew && commands.InAnyIncident(item.Post.Key.ToString())))
            {
                continue;
            }

            // «Nothing was done» under an answered appeal reopened it: the comment joins that incident, no second one.
            if (reopenedBy != 0)
            {
                commands.InsertIncidentPost(reopenedBy, plan.Incident.Municipality, plan.Incident.PostKey.ToString(), now);
                continue;
            }

            // A resident adding «у нас тоже» under an appeal that is an open incident adds to that incident.
            if (item.Post.ParentKey is { } parent && commands.OpenIncidentOf(parent.ToString(), plan.Incident.Sector) is { } threadIncident)
            {
                merged++;
                commands.InsertIncidentPost(threadIncident, plan.Incident.Municipality, plan.Incident.PostKey.ToString(), now);
                commands.InsertEvent(threadIncident, plan.Incident.Municipality, "merged", "system", now, $"{plan.Incident.PostKey}: комментарий в обсуждении обращения");
                commands.TouchIncident(threadIncident, now);
                commands.QueueForIndex(plan.Incident.Municipality, IndexDocumentTypes.Incident, threadIncident.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
                continue;
            }

            // One problem, one incident: an appeal like an open incident's joins it (no second alert).
            if (merge is { Enabled: true } && commands.FindMergeTarget(plan.Incident, item.Post, merge, _mergeDecision) is { } target)
            {
                merged++;
                commands.InsertIncidentPost(target.Id, plan.Incident.Municipality, plan.Incident.PostKey.ToString(), now);
                commands.InsertEvent(target.Id, plan.Incident.Municipality, "merged", "system", now,
                    $"{plan.Incident.PostKey}: {target.Verdict.Reason}");
                commands.TouchIncident(target.Id, now);
                commands.QueueForIndex(plan.Incident.Municipality, IndexDocumentTypes.Incident, target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
            }
            else if (commands.OpenIncident(plan, "system", now) is { } opened)
            {
                incidents++;
                alerts += opened.Alerted ? 1 : 0;
            }
        }

        if (cursor is not null)
        {
            commands.SaveCursor(sourceId, municipality.Value.Id, cursor, now);
        }

        transaction.Commit();
        return Task.FromResult(new CommitResult(stored, duplicates, bySector, incidents, alerts, edited, merged));
    }

    /// <summary>
    /// Opens the planned incident inside the caller's transaction as the pipeline does — the incident with its post,
    /// the «opened» event by <paramref name="actor"/>, the index row and the alert to the recipient — for an officer who
    /// opens one by hand. Null when the post already opened an incident (one per post).
    /// </summary>
    internal static long? OpenIncident(SqliteConnection connection, SqliteTransaction transaction, IncidentPlan plan, string actor, DateTimeOffset now)
    {
        using var commands = new BatchCommands(connection, transaction);
        return commands.OpenIncident(plan, actor, SqliteDatabase.ToDb(now))?.Id;
    }

    public void Dispose()
    {
        _contains?.Dispose();
        _parent?.Dispose();
        _reader?.Dispose();
    }

    /// <summary>Prepared statements of one transaction, reused for every post of the batch.</summary>
    private sealed class BatchCommands : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _post;
        private readonly SqliteCommand _classification;
        private readonly SqliteCommand _incident;
        private readonly SqliteCommand _incidentPost;
        private readonly SqliteCommand _event;
        private readonly SqliteCommand _alert;
        private readonly SqliteCommand _index;
        private readonly SqliteCommand _storedHash;
        private readonly SqliteCommand _history;
        private readonly SqliteCommand _edit;
        private readonly SqliteCommand _inIncident;
        private readonly SqliteCommand _candidates;
        private readonly SqliteCommand _touch;
        private readonly SqliteCommand _openIncidentOf;

        public BatchCommands(SqliteConnection connection, SqliteTransaction transaction)
        {
            _connection = connection;
            _transaction = transaction;
            _post = Create("""
                INSERT INTO posts (key, municipality, network, source_id, kind, parent_key, author_id, author_name,
                    published_at, text, url, likes, comments, reposts, views, repost_of, attachments, content_hash,
                    locality_id, locality_match, stored_at, feed_sector, feed_risk_level, feed_is_appeal)
                VALUES ($key, $municipality, $network, $source, $kind, $parent, $authorId, $authorName,
                    $published, $text, $url, $likes, $comments, $reposts, $views, $repostOf, $attachments, $hash,
                    $locality, $localityMatch, $now, $sector, $risk, $appeal)
                ON CONFLICT(key) DO NOTHING
                """);
            _classification = Create("""
                INSERT INTO classifications (post_key, municipality, sector, is_appeal, risk_level, risk_score, reasons, model_version, classified_at)
                VALUES ($key, $municipality, $sector, $appeal, $risk, $score, $reasons, $model, $now)
                ON CONFLICT(post_key) DO UPDATE SET sector = excluded.sector, is_appeal = excluded.is_appeal,
                    risk_level = excluded.risk_level, risk_score = excluded.risk_score, reasons = excluded.reasons,
                    model_version = excluded.model_version, classified_at = excluded.classified_at
                """);
            _incident = Create("""
                INSERT INTO incidents (municipality, post_key, sector, locality_id, recipient_id, priority, risk_level, status,
                    opened_at, due_at, answer_due_at, clock_started_at, routing_reason, updated_at)
                VALUES ($municipality, $key, $sector, $locality, $recipient, $priority, $risk, $status, $opened, $due, $answerDue,
                    $opened, $reason, $now)
                ON CONFLICT(post_key) DO NOTHING
                RETURNING id
                """);
            _incidentPost = Create("INSERT INTO incident_posts (incident_id, municipality, post_key, added_at) VALUES ($incident, $municipality, $key, $now) ON CONFLICT DO NOTHING");
            _event = Create("""
                INSERT INTO incident_events (incident_id, municipality, type, actor, at, details)
                VALUES ($incident, $municipality, $type, $actor, $now, $details)
                """);
            _storedHash = Create("SELECT content_hash FROM posts WHERE key = $key");
            _inIncident = Create("SELECT 1 FROM incident_posts WHERE post_key = $key");
            // Ten open incidents bound the work per appeal: those MergeDecision may accept (same sector or one of them
            // 'other'; same locality or one of them unknown), exact matches of sector and locality first, then the most recent.
            _candidates = Create("""
                SELECT i.id, i.sector, i.locality_id, p.text FROM incidents i JOIN posts p ON p.key = i.post_key
                WHERE i.municipality = $municipality
                  AND (i.sector = $sector OR i.sector = $other OR $sector = $other)
                  AND (i.locality_id IS $locality OR i.locality_id IS NULL OR $locality IS NULL)
                  AND i.status NOT IN ('Answered', 'Closed', 'Rejected') AND i.opened_at BETWEEN $from AND $to
                ORDER BY (i.sector = $sector AND i.locality_id IS $locality) DESC, i.opened_at DESC LIMIT 10
                """);
            _touch = Create("UPDATE incidents SET updated_at = $now WHERE id = $id");
            _openIncidentOf = Create("""
                SELECT i.id FROM incident_posts ip JOIN incidents i ON i.id = ip.incident_id
                WHERE ip.post_key = $key AND i.sector = $sector AND i.status NOT IN ('Closed', 'Rejected')
                ORDER BY i.id LIMIT 1
                """);
            _history = Create("""
                INSERT INTO post_versions (post_key, municipality, text, content_hash, replaced_at)
                SELECT key, municipality, text, content_hash, $now FROM posts WHERE key = $key
                """);
            _edit = Create("""
                UPDATE posts SET text = $text, content_hash = $hash, likes = $likes, comments = $comments, reposts = $reposts,
                    views = $views, locality_id = $locality, locality_match = $localityMatch, edited_at = $now
                WHERE key = $key
                """);
            _index = Create("""
                INSERT INTO index_outbox (municipality, doc_type, doc_id, created_at, next_attempt_at)
                VALUES ($municipality, $type, $id, $now, $now)
                """);
            _alert = Create("""
                INSERT INTO alert_outbox (idempotency_key, municipality, incident_id, recipient_id, kind, created_at, next_attempt_at)
                VALUES ($idempotency, $municipality, $incident, $recipient, $kind, $now, $now)
                ON CONFLICT(idempotency_key) DO NOTHING
                """);
        }

        public bool InAnyIncident(string key)
        {
            Set(_inIncident, "$key", key);
            return _inIncident.ExecuteScalar() is not null;
        }

        /// <summary>The incident of the same sector that a post belongs to, if it is still being worked on or was just answered.</summary>
        public long? OpenIncidentOf(string key, string sector)
        {
            Set(_openIncidentOf, "$key", key);
            Set(_openIncidentOf, "$sector", sector);
            return _openIncidentOf.ExecuteScalar() is long id ? id : null;
        }

        /// <summary>The most alike open incident opened within the window that <see cref="MergeDecision"/> accepts, if any.</summary>
        public (long Id, MergeVerdict Verdict)? FindMergeTarget(Incident incident, Post post, IncidentMergeOptions options, MergeDecision decision)
        {
            Set(_candidates, "$municipality", incident.Municipality);
            Set(_candidates, "$sector", incident.Sector);
            Set(_candidates, "$other", Sectors.Other);
            Set(_candidates, "$locality", incident.LocalityId);
            Set(_candidates, "$from", SqliteDatabase.ToDb(incident.OpenedAt - options.Window));
            Set(_candidates, "$to", SqliteDatabase.ToDb(incident.OpenedAt + options.Window));
            var appeal = new MergeSide(incident.Sector, incident.LocalityId, post.Text);
            var appealText = decision.Profile(post.Text);
            (long Id, MergeVerdict Verdict)? best = null;
            using var reader = _candidates.ExecuteReader();
            while (reader.Read())
            {
                var text = reader.GetString(3);
                var candidate = new MergeSide(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), text);
                var verdict = decision.Decide(appeal, appealText, candidate, decision.Profile(text));
                if (verdict.Merge && (best is null || verdict.Similarity > best.Value.Verdict.Similarity))
                {
                    best = (reader.GetInt64(0), verdict);
                }
            }

            return best;
        }

        public void TouchIncident(long id, string now)
        {
            Set(_touch, "$id", id);
            Set(_touch, "$now", now);
            _touch.ExecuteNonQuery();
        }

        public string? StoredHash(string key)
        {
            Set(_storedHash, "$key", key);
            return _storedHash.ExecuteScalar() as string;
        }

        /// <summary>Keeps the old text in the post's history and stores the new one, with fresh counters.</summary>
        public void UpdateEditedPost(ProcessedPost item, string now)
        {
            var post = item.Post;
            Set(_history, "$key", post.Key.ToString());
            Set(_history, "$now", now);
            _history.ExecuteNonQuery();
            Set(_edit, "$key", post.Key.ToString());
            Set(_edit, "$text", post.Text);
            Set(_edit, "$hash", item.ContentHash);
            Set(_edit, "$likes", post.Engagement.Likes);
            Set(_edit, "$comments", post.Engagement.Comments);
            Set(_edit, "$reposts", post.Engagement.Reposts);
            Set(_edit, "$views", post.Engagement.Views);
            Set(_edit, "$locality", item.Locality?.LocalityId);
            Set(_edit, "$localityMatch", item.Locality?.MatchedText);
            Set(_edit, "$now", now);
            _edit.ExecuteNonQuery();
        }

        /// <summary>Inserts the post unless one with its key is stored; true when inserted.</summary>
        public bool InsertPost(ProcessedPost item, string sourceId, string now)
        {
            var post = item.Post;
            Set(_post, "$key", post.Key.ToString());
            Set(_post, "$municipality", post.Municipality);
            Set(_post, "$network", post.Key.Network.ToKey());
            Set(_post, "$source", sourceId);
            Set(_post, "$kind", post.Kind == PostKind.Comment ? "comment" : "post");
            Set(_post, "$parent", post.ParentKey?.ToString());
            Set(_post, "$authorId", post.AuthorId);
            Set(_post, "$authorName", post.AuthorName);
            Set(_post, "$published", SqliteDatabase.ToDb(post.PublishedAt));
            Set(_post, "$text", post.Text);
            Set(_post, "$url", post.Url);
            Set(_post, "$likes", post.Engagement.Likes);
            Set(_post, "$comments", post.Engagement.Comments);
            Set(_post, "$reposts", post.Engagement.Reposts);
            Set(_post, "$views", post.Engagement.Views);
            Set(_post, "$repostOf", post.RepostOf?.ToString());
            Set(_post, "$attachments", post.Attachments.Count > 0 ? JsonSerializer.Serialize(post.Attachments, Json) : null);
            Set(_post, "$hash", item.ContentHash);
            Set(_post, "$locality", item.Locality?.LocalityId);
            Set(_post, "$localityMatch", item.Locality?.MatchedText);
            Set(_post, "$now", now);
            // the feed's copies of the classification go in with the row: the classification's trigger then finds them
            // equal and does not write the row and its feed indexes a second time
            Set(_post, "$sector", item.Classification.Sector);
            Set(_post, "$risk", item.Classification.Risk.ToString());
            Set(_post, "$appeal", item.Classification.IsAppeal ? 1 : 0);
            return _post.ExecuteNonQuery() == 1;
        }

        public void InsertClassification(ProcessedPost item, string now)
        {
            var c = item.Classification;
            Set(_classification, "$key", item.Post.Key.ToString());
            Set(_classification, "$municipality", item.Post.Municipality);
            Set(_classification, "$sector", c.Sector);
            Set(_classification, "$appeal", c.IsAppeal ? 1 : 0);
            Set(_classification, "$risk", c.Risk.ToString());
            Set(_classification, "$score", c.RiskScore);
            Set(_classification, "$reasons", JsonSerializer.Serialize(c.Reasons, Json));
            Set(_classification, "$model", c.ModelVersion);
            Set(_classification, "$now", now);
            _classification.ExecuteNonQuery();
        }

        /// <summary>Inserts the incident unless one exists for the post; returns its id when inserted.</summary>
        public long? InsertIncident(IncidentPlan plan, string now)
        {
            var i = plan.Incident;
            Set(_incident, "$municipality", i.Municipality);
            Set(_incident, "$key", i.PostKey.ToString());
            Set(_incident, "$sector", i.Sector);
            Set(_incident, "$locality", i.LocalityId);
            Set(_incident, "$recipient", i.RecipientId);
            Set(_incident, "$priority", i.Priority.ToString());
            Set(_incident, "$risk", i.Risk.ToString());
            Set(_incident, "$status", i.Status.ToString());
            Set(_incident, "$opened", SqliteDatabase.ToDb(i.OpenedAt));
            Set(_incident, "$due", SqliteDatabase.ToDb(i.DueAt));
            Set(_incident, "$answerDue", SqliteDatabase.ToDb(i.AnswerDueAt ?? i.DueAt));
            Set(_incident, "$reason", i.RoutingReason);
            Set(_incident, "$now", now);
            // RETURNING gives the new id in the same step, and no row when the post already has its incident.
            return _incident.ExecuteScalar() is long id ? id : null;
        }

        /// <summary>The incident, its first post, the «opened» event, the index row and the alert; null when the post already opened one.</summary>
        public (long Id, bool Alerted)? OpenIncident(IncidentPlan plan, string actor, string now)
        {
            if (InsertIncident(plan, now) is not { } incidentId)
            {
                return null;
            }

            var municipality = plan.Incident.Municipality;
            InsertIncidentPost(incidentId, municipality, plan.Incident.PostKey.ToString(), now);
            InsertEvent(incidentId, municipality, "opened", actor, now, plan.Incident.RoutingReason);
            QueueForIndex(municipality, IndexDocumentTypes.Incident, incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
            return (incidentId, InsertAlert(plan, incidentId, now));
        }

        public void InsertIncidentPost(long incidentId, string municipality, string postKey, string now)
        {
            Set(_incidentPost, "$incident", incidentId);
            Set(_incidentPost, "$municipality", municipality);
            Set(_incidentPost, "$key", postKey);
            Set(_incidentPost, "$now", now);
            _incidentPost.ExecuteNonQuery();
        }

        public void InsertEvent(long incidentId, string municipality, string type, string actor, string now, string? details)
        {
            Set(_event, "$incident", incidentId);
            Set(_event, "$municipality", municipality);
            Set(_event, "$type", type);
            Set(_event, "$actor", actor);
            Set(_event, "$now", now);
            Set(_event, "$details", details);
            _event.ExecuteNonQuery();
        }

        public bool InsertAlert(IncidentPlan plan, long incidentId, string now)
        {
            Set(_alert, "$idempotency", plan.AlertIdempotencyKey);
            Set(_alert, "$municipality", plan.Incident.Municipality);
            Set(_alert, "$incident", incidentId);
            Set(_alert, "$recipient", plan.Incident.RecipientId);
            Set(_alert, "$kind", Incidents.IncidentPlanner.AlertKindOpened);
            Set(_alert, "$now", now);
            return _alert.ExecuteNonQuery() == 1;
        }

        /// <summary>Queues a new or changed document for the search index (the index outbox).</summary>
        public void QueueForIndex(string municipality, string type, string id, string now)
        {
            Set(_index, "$municipality", municipality);
            Set(_index, "$type", type);
            Set(_index, "$id", id);
            Set(_index, "$now", now);
            _index.ExecuteNonQuery();
        }

        public void SaveCursor(string sourceId, string municipality, string cursor, string now)
        {
            using var source = Create("INSERT INTO sources (id, municipality, first_seen_at) VALUES ($id, $municipality, $now) ON CONFLICT(id) DO NOTHING");
            Set(source, "$id", sourceId);
            Set(source, "$municipality", municipality);
            Set(source, "$now", now);
            source.ExecuteNonQuery();

            using var save = Create("""
                INSERT INTO cursors (source_id, municipality, value, updated_at) VALUES ($id, $municipality, $value, $now)
                ON CONFLICT(source_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """);
            Set(save, "$id", sourceId);
            Set(save, "$municipality", municipality);
            Set(save, "$value", cursor);
            Set(save, "$now", now);
            save.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _post.Dispose();
            _classification.Dispose();
            _incident.Dispose();
            _incidentPost.Dispose();
            _event.Dispose();
            _alert.Dispose();
            _index.Dispose();
            _storedHash.Dispose();
            _history.Dispose();
            _edit.Dispose();
            _inIncident.Dispose();
            _candidates.Dispose();
            _touch.Dispose();
            _openIncidentOf.Dispose();
        }

        private SqliteCommand Create(string sql)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            return command;
        }

        private static void Set(SqliteCommand command, string name, object? value)
        {
            // one search of the parameters by name, not two (Contains, then the indexer): a post sets about forty
            var index = command.Parameters.IndexOf(name);
            if (index >= 0)
            {
                command.Parameters[index].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }
}
