using System.Globalization;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Triage;

/// <summary>
/// The officer's decisions of the console (issue #8): a verdict about an appeal in the queue, or a correction of a post's
/// labels from the feed. Each runs in one SQLite transaction — labels, training feedback, incident moves (through
/// <see cref="IncidentTransitions"/>, so the lifecycle table holds), events with the officer as actor, the audit log
/// and the search-index rows — and is refused whole, with a message in Russian, when anything in it is wrong.
/// </summary>
public sealed class TriageService(
    SqliteDatabase database,
    IncidentPlanner planner,
    IncidentTransitions transitions,
    IOptions<MunicipalityOptions> municipality,
    IOptions<ClassificationOptions> classification,
    IOptions<RoutingOptions> routing,
    TimeProvider time)
{
    private string Municipality => municipality.Value.Id;

    /// <summary>Applies the verdict about an appeal awaiting triage; a post is triaged once (a second click is refused).</summary>
    public TriageResult Apply(TriageDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (string.IsNullOrWhiteSpace(decision.Actor))
        {
            return TriageResult.Refused("Не указан сотрудник: решение записывается от его имени");
        }

        if (Validate(decision.Sector, decision.RiskLevel, decision.RecipientId) is { } problem)
        {
            return TriageResult.Refused(problem);
        }

        var now = time.GetUtcNow();
        using var connection = database.Open();
        // Microsoft.Data.Sqlite begins IMMEDIATE: two clicks on the same post are serialised, the second sees the first's decision.
        using var transaction = connection.BeginTransaction();
        var post = TriagePost.Load(connection, transaction, decision.PostKey, Municipality);
        if (post is null)
        {
            return TriageResult.Refused($"Пост {decision.PostKey} не найден");
        }

        if (!post.AwaitsTriage && post.Triage is { } done)
        {
            return TriageResult.Refused(
                $"Пост уже разобран: «{VerdictName(done.Verdict)}», {done.Actor}, {Local(done.At).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}");
        }

        if (!post.Appeal || !post.AwaitsTriage)
        {
            return TriageResult.Refused($"Пост {decision.PostKey} не в очереди разбора: он не отмечен как обращение");
        }

        var work = new Work(connection, transaction, post, decision.Actor, now);
        var risk = ParseRisk(decision.RiskLevel);
        var result = decision.Verdict switch
        {
            TriageVerdict.Confirm => Confirm(work, decision, risk),
            TriageVerdict.NotAppeal => NotAppeal(work, decision, risk),
            TriageVerdict.Merge => Merge(work, decision, risk),
            _ => TriageResult.Refused($"Неизвестное решение: {decision.Verdict}"),
        };
        if (!result.Applied)
        {
            return result; // the transaction rolls back: nothing of a refused decision stays
        }

        MarkTriaged(work, decision, result.IncidentId);
        QueuePost(work);
        AuditLog.Write(connection, transaction, Municipality, now, decision.Actor, $"triage.{decision.Verdict.ToString().ToLowerInvariant()}",
            string.Create(CultureInfo.InvariantCulture, $"post={post.Key} incident={result.IncidentId?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// Corrects a post's labels from the feed page: each changed label goes to the classification and to the training
    /// feedback. A post made an appeal (<paramref name="appeal"/> true) awaits triage; one made a non-appeal leaves the queue.
    /// <paramref name="negative"/> marks the post's tone (negative or not) for the tone model only: the product keeps no
    /// tone label of its own (the model's tone is a risk signal), so it goes to the training feedback alone.
    /// </summary>
    public TriageResult Correct(string postKey, string actor, string? sector, bool? appeal, string? riskLevel, bool? negative = null)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            return TriageResult.Refused("Не указан сотрудник: исправление записывается от его имени");
        }

        if (Validate(sector, riskLevel, null) is { } problem)
        {
            return TriageResult.Refused(problem);
        }

        var now = time.GetUtcNow();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var post = TriagePost.Load(connection, transaction, postKey, Municipality);
        if (post is null)
        {
            return TriageResult.Refused($"Пост {postKey} не найден");
        }

        var work = new Work(connection, transaction, post, actor, now);
        var changes = Relabel(work, sector, appeal, ParseRisk(riskLevel), negative);
        if (changes.Count == 0)
        {
            return TriageResult.Refused("Исправлять нечего: у поста уже такие метки");
        }

        // «Не обращение» from the feed does what the queue's verdict does: the post leaves its open incident, which is
        // closed as dismissed when nothing else is in it.
        if (appeal == false && post.Appeal && post.Incident is { Workable: true } incident)
        {
            var left = LeaveIncident(work, incident, IncidentAction.Dismiss, null, null);
            if (left is { Applied: false })
            {
                return TriageResult.Refused(left.Message);
            }

            changes.Add(left is null ? $"пост убран из инцидента #{incident.Id}" : $"инцидент #{incident.Id} закрыт");
        }

        QueuePost(work);
        AuditLog.Write(connection, transaction, Municipality, now, actor, "triage.correct", $"post={post.Key} {string.Join("; ", changes)}");
        transaction.Commit();
        return new TriageResult(true, $"Исправлено: {string.Join("; ", changes)}", post.Incident?.Id);
    }

    private TriageResult Confirm(Work work, TriageDecision decision, RiskLevel? risk)
    {
        Relabel(work, decision.Sector, null, risk);
        var incident = work.Post.Incident;
        var opened = false;
        if (incident is null)
        {
            if (OpenByOfficer(work, decision) is not { } id)
            {
                return TriageResult.Refused($"Пост {work.Post.Key}: инцидент не открылся");
            }

            incident = TriageIncident.Load(work.Connection, work.Transaction, id, Municipality)!;
            opened = true;
        }

        var moved = MoveRecipient(work, incident, decision.RecipientId, assignNew: true);
        if (moved is { Applied: false })
        {
            return TriageResult.Refused(moved.Message);
        }

        var message = opened ? $"Обращение подтверждено, открыт инцидент #{incident.Id}" : $"Обращение подтверждено, инцидент #{incident.Id}";
        return new TriageResult(true, moved is null ? message : $"{message}. {moved.Message}", incident.Id);
    }

    private TriageResult NotAppeal(Work work, TriageDecision decision, RiskLevel? risk)
    {
        Relabel(work, decision.Sector, false, risk);
        if (work.Post.Incident is not { Workable: true } incident)
        {
            return new TriageResult(true, "Отмечено: не обращение", null);
        }

        var left = LeaveIncident(work, incident, IncidentAction.Dismiss, null, decision.Note);
        return left is { Applied: false } ? TriageResult.Refused(left.Message) : new TriageResult(true, left is null
            ? $"Отмечено: не обращение; пост убран из инцидента #{incident.Id}"
            : $"Отмечено: не обращение; инцидент #{incident.Id} закрыт", null);
    }

    private TriageResult Merge(Work work, TriageDecision decision, RiskLevel? risk)
    {
        if (decision.MergeIntoIncidentId is not { } targetId)
        {
            return TriageResult.Refused("Укажите инцидент, с которым объединить обращение");
        }

        var target = TriageIncident.Load(work.Connection, work.Transaction, targetId, Municipality);
        if (target is null)
        {
            return TriageResult.Refused($"Инцидент #{targetId} не найден");
        }

        if (work.Post.Incident?.Id == targetId)
        {
            return TriageResult.Refused($"Пост уже в инциденте #{targetId}: объединить инцидент с самим собой нельзя");
        }

        if (!IncidentLifecycle.IsOpen(target.Status))
        {
            return TriageResult.Refused(
                $"Инцидент #{targetId} в статусе {IncidentTransitions.StatusName(target.Status)}: объединить можно только с открытым");
        }

        Relabel(work, decision.Sector, null, risk);
        var key = work.Post.Key;
        Execute(work, "INSERT INTO incident_posts (incident_id, municipality, post_key, added_at) VALUES ($id, $municipality, $key, $now) ON CONFLICT DO NOTHING",
            ("$id", targetId), ("$key", key));
        var details = string.IsNullOrWhiteSpace(decision.Note) ? $"{key}: объединено сотрудником МЦУ" : $"{key}: объединено сотрудником МЦУ: {decision.Note}";
        Event(work, targetId, "merged", details);

        if (work.Post.Incident is { Workable: true } own)
        {
            var left = LeaveIncident(work, own, IncidentAction.MergedInto, targetId, decision.Note);
            if (left is { Applied: false })
            {
                return TriageResult.Refused(left.Message);
            }
        }

        var moved = MoveRecipient(work, target, decision.RecipientId, assignNew: false);
        if (moved is { Applied: false })
        {
            return TriageResult.Refused(moved.Message);
        }

        return new TriageResult(true, moved is null ? $"Обращение объединено с инцидентом #{targetId}" : $"Обращение объединено с инцидентом #{targetId}. {moved.Message}", targetId);
    }

    /// <summary>
    /// Opens the post's incident as the pipeline does (incident, post, «opened» event, index row, alert to the recipient),
    /// with the officer as actor. A post whose incident was dismissed before (one incident per post) brings that one back:
    /// the post rejoins it and it is reopened, so the recipient learns of it again.
    /// </summary>
    private long? OpenByOfficer(Work work, TriageDecision decision)
    {
        var post = work.Post;
        var labels = ReadLabels(work);
        var result = new ClassificationResult
        {
            Sector = labels.Sector,
            IsAppeal = true,
            Risk = labels.Risk,
            RiskScore = post.RiskScore,
            Reasons = [],
            ModelVersion = post.ModelVersion,
        };
        var locality = post.LocalityId is null ? null : new LocalityMatch(post.LocalityId, post.LocalityId, post.LocalityMatch ?? "");
        var tokens = Tokenizer.Tokenize(TextNormalizer.ForMatching(post.Post.Text));
        var plan = planner.PlanByOfficer(post.Post, result, locality, tokens, work.Now, work.Actor, decision.RecipientId);
        if (SqlitePostStore.OpenIncident(work.Connection, work.Transaction, plan, work.Actor, work.Now) is { } opened)
        {
            return opened;
        }

        using var find = Command(work, "SELECT id FROM incidents WHERE post_key = $key AND municipality = $municipality", ("$key", post.Key));
        if (find.ExecuteScalar() is not long earlier)
        {
            return null;
        }

        Execute(work, "INSERT INTO incident_posts (incident_id, municipality, post_key, added_at) VALUES ($id, $municipality, $key, $now) ON CONFLICT DO NOTHING",
            ("$id", earlier), ("$key", post.Key));
        var reopened = transitions.Apply(work.Connection, work.Transaction,
            new IncidentCommand(earlier, IncidentAction.Reopen, work.Actor, work.Now) { Reason = "обращение подтверждено сотрудником МЦУ" }, work.Now);
        return reopened.Applied ? earlier : null;
    }

    /// <summary>
    /// The officer's recipient: a different one reassigns the incident (its clocks restart, the new recipient is alerted);
    /// the same one, or none, confirms a New incident's recipient (<paramref name="assignNew"/>). Null when nothing moves.
    /// </summary>
    private IncidentCommandResult? MoveRecipient(Work work, TriageIncident incident, string? recipientId, bool assignNew)
    {
        var current = TriageIncident.Load(work.Connection, work.Transaction, incident.Id, Municipality)!;
        IncidentCommand? command = null;
        if (recipientId is not null && recipientId != current.RecipientId)
        {
            command = new IncidentCommand(current.Id, IncidentAction.Reassign, work.Actor, work.Now) { RecipientId = recipientId };
        }
        else if (assignNew && current.Status is IncidentStatus.New or IncidentStatus.Reopened)
        {
            command = new IncidentCommand(current.Id, IncidentAction.Assign, work.Actor, work.Now);
        }

        return command is null ? null : transitions.Apply(work.Connection, work.Transaction, command, work.Now);
    }

    /// <summary>
    /// Takes the post out of its incident. An incident left with no post is closed by <paramref name="closing"/> (its
    /// event says why; the post stays its main post for the record) and the closing move is returned; one that keeps
    /// other posts gets a «post_removed» event and null is returned.
    /// </summary>
    private IncidentCommandResult? LeaveIncident(Work work, TriageIncident incident, IncidentAction closing, long? targetId, string? note)
    {
        var key = work.Post.Key;
        // Out of incident_posts, so a reply in the post's thread can no longer answer or reopen this incident.
        Execute(work, "DELETE FROM incident_posts WHERE incident_id = $id AND post_key = $key", ("$id", incident.Id), ("$key", key));
        if (incident.PostCount <= 1)
        {
            return transitions.Apply(work.Connection, work.Transaction,
                new IncidentCommand(incident.Id, closing, work.Actor, work.Now) { Reason = note, TargetIncidentId = targetId }, work.Now);
        }

        var details = targetId is { } target ? string.Create(CultureInfo.InvariantCulture, $"{key} → #{target}") : $"{key}: не обращение";
        Event(work, incident.Id, "post_removed", string.IsNullOrWhiteSpace(note) ? details : $"{details}: {note}");
        return null;
    }

    /// <summary>
    /// Stores each label that changes: the classification, a training_feedback row (the next <c>model train</c> learns
    /// from it) and a «corrected» event on the post's incident. The main post's sector and risk are the incident's too;
    /// its priority and deadlines stay as they were promised to the recipient. Returns the changes, for people.
    /// </summary>
    private static List<string> Relabel(Work work, string? sector, bool? appeal, RiskLevel? risk, bool? negative = null)
    {
        var labels = ReadLabels(work);
        var changes = new List<string>();
        // the tone an officer marked last (the product stores no other): a mark that repeats it changes nothing
        if (negative is { } isNegative && LastFeedback(work, "negative") != (isNegative ? "1" : "0"))
        {
            Feedback(work, "negative", isNegative ? "1" : "0");
            changes.Add(isNegative ? "тон: негативный" : "тон: не негативный");
        }

        if (sector is not null && sector != labels.Sector)
        {
            Feedback(work, "sector", sector);
            changes.Add($"сектор: {labels.Sector} → {sector}");
        }
        else
        {
            sector = null;
        }

        if (appeal is { } isAppeal && isAppeal != labels.Appeal)
        {
            Feedback(work, "appeal", isAppeal ? "1" : "0");
            changes.Add(isAppeal ? "обращение: нет → да" : "обращение: да → нет");
        }
        else
        {
            appeal = null;
        }

        if (risk is { } level && level != labels.Risk)
        {
            Feedback(work, "risk", level.ToString());
            changes.Add($"риск: {labels.Risk} → {level}");
        }
        else
        {
            risk = null;
        }

        if (changes.Count == 0)
        {
            return changes;
        }

        // A post made an appeal joins the queue again, even if an officer triaged it before as not one.
        Execute(work, """
            UPDATE classifications SET sector = COALESCE($sector, sector), is_appeal = COALESCE($appeal, is_appeal),
                risk_level = COALESCE($risk, risk_level), awaits_triage = CASE WHEN $appeal = 1 THEN 1 ELSE awaits_triage END
            WHERE post_key = $key
            """, ("$sector", sector), ("$appeal", appeal is null ? null : appeal.Value ? 1 : 0), ("$risk", risk?.ToString()), ("$key", work.Post.Key));
        if (work.Post.Incident is { } incident)
        {
            if (incident.MainPostKey == work.Post.Key && incident.Workable)
            {
                Execute(work, "UPDATE incidents SET sector = COALESCE($sector, sector), risk_level = COALESCE($risk, risk_level) WHERE id = $id",
                    ("$sector", sector), ("$risk", risk?.ToString()), ("$id", incident.Id));
            }

            Event(work, incident.Id, "corrected", $"{work.Post.Key}: {string.Join("; ", changes)}");
        }

        return changes;
    }

    private static (string Sector, bool Appeal, RiskLevel Risk) ReadLabels(Work work)
    {
        using var command = Command(work, "SELECT sector, is_appeal, risk_level FROM classifications WHERE post_key = $key", ("$key", work.Post.Key));
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetInt64(1) == 1, Enum.TryParse<RiskLevel>(reader.GetString(2), out var risk) ? risk : RiskLevel.Low);
    }

    private static string? LastFeedback(Work work, string field)
    {
        using var command = Command(work, "SELECT value FROM training_feedback WHERE post_key = $key AND field = $field ORDER BY id DESC LIMIT 1",
            ("$key", work.Post.Key), ("$field", field));
        return command.ExecuteScalar() as string;
    }

    private static void Feedback(Work work, string field, string value) => Execute(work, """
        INSERT INTO training_feedback (municipality, post_key, field, value, actor, created_at)
        VALUES ($municipality, $key, $field, $value, $actor, $now)
        """, ("$key", work.Post.Key), ("$field", field), ("$value", value), ("$actor", work.Actor));

    /// <summary>An event by the officer; the incident changed, so it is touched and queued for the search index.</summary>
    private static void Event(Work work, long incidentId, string type, string details)
    {
        IncidentTransitions.InsertEvent(work.Connection, work.Transaction, incidentId, work.Post.Post.Municipality, type, work.Actor, SqliteDatabase.ToDb(work.Now), details);
        Execute(work, "UPDATE incidents SET updated_at = $now WHERE id = $id", ("$id", incidentId));
        IncidentTransitions.QueueForIndex(work.Connection, work.Transaction, work.Post.Post.Municipality, incidentId, work.Now);
    }

    private static void MarkTriaged(Work work, TriageDecision decision, long? incidentId) => Execute(work, """
        INSERT INTO post_triage (post_key, municipality, verdict, incident_id, actor, at, note)
        VALUES ($key, $municipality, $verdict, $incident, $actor, $now, $note)
        ON CONFLICT(post_key) DO UPDATE SET verdict = excluded.verdict, incident_id = excluded.incident_id, actor = excluded.actor,
            at = excluded.at, note = excluded.note;
        UPDATE classifications SET awaits_triage = 0 WHERE post_key = $key;
        """, ("$key", work.Post.Key), ("$verdict", decision.Verdict.ToString()), ("$incident", incidentId), ("$actor", work.Actor), ("$note", decision.Note));

    private static void QueuePost(Work work) => Execute(work, """
        INSERT INTO index_outbox (municipality, doc_type, doc_id, created_at, next_attempt_at) VALUES ($municipality, $type, $key, $now, $now)
        """, ("$type", IndexDocumentTypes.Post), ("$key", work.Post.Key));

    private string? Validate(string? sector, string? riskLevel, string? recipientId)
    {
        if (sector is not null && sector != Sectors.Other && !classification.Value.Lexicon.Sectors.ContainsKey(sector))
        {
            return $"Сектор '{sector}' не найден в настройках (Classification:Lexicon:Sectors)";
        }

        if (riskLevel is not null && ParseRisk(riskLevel) is null)
        {
            return $"Уровень риска '{riskLevel}' неизвестен: Low, Medium, High или Critical";
        }

        if (recipientId is not null && routing.Value.Recipients.All(r => r.Id != recipientId))
        {
            return $"Получатель '{recipientId}' не найден в реестре (Routing:Recipients)";
        }

        return null;
    }

    private static RiskLevel? ParseRisk(string? value) =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<RiskLevel>(value, ignoreCase: true, out var risk) && Enum.IsDefined(risk) ? risk : null;

    private DateTimeOffset Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone));

    private static string VerdictName(TriageVerdict verdict) => verdict switch
    {
        TriageVerdict.Confirm => "обращение подтверждено",
        TriageVerdict.NotAppeal => "не обращение",
        TriageVerdict.Merge => "объединено с инцидентом",
        _ => verdict.ToString(),
    };

    private static void Execute(Work work, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(work, sql, parameters);
        command.ExecuteNonQuery();
    }

    /// <summary>A command in the work's transaction with <c>$municipality</c> and <c>$now</c> bound.</summary>
    private static SqliteCommand Command(Work work, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = work.Connection.CreateCommand();
        command.Transaction = work.Transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$municipality", work.Post.Post.Municipality);
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(work.Now));
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>One decision's connection, transaction, post, officer and moment.</summary>
    private sealed record Work(SqliteConnection Connection, SqliteTransaction Transaction, TriagePost Post, string Actor, DateTimeOffset Now);
}
