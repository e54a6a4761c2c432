using System.Globalization;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// Applies one lifecycle move inside the caller's transaction: the incident row, its event (with actor and time),
/// the alert it causes and the search-index row — all of it or none of it. Used by the officer's commands, the
/// bot's buttons and the pipeline (answers and reopenings found in threads). Dismiss and MergedInto only close the
/// incident: taking its post out (so nothing in the post's thread reopens it) is the caller's part, the triage's.
/// </summary>
public sealed class IncidentTransitions(IncidentClock clock, RoutingOptions routing)
{
    public const string AlertReassigned = "incident.reassigned";
    public const string AlertRejected = "incident.rejected";
    public const string AlertReopened = "incident.reopened";

    /// <summary>The reason of a dismissal when the officer gives none.</summary>
    public const string NotAnAppeal = "не обращение";

    public IncidentCommandResult Apply(SqliteConnection connection, SqliteTransaction transaction, IncidentCommand command, DateTimeOffset now)
    {
        var current = Load(connection, transaction, command.IncidentId);
        if (current is null)
        {
            return IncidentCommandResult.Refused(null, $"Инцидент #{command.IncidentId} не найден");
        }

        if (IncidentLifecycle.Next(current.Status, command.Action) is not { } next)
        {
            return IncidentCommandResult.Refused(current.Status,
                $"Инцидент #{command.IncidentId} в статусе {StatusName(current.Status)}: действие «{ActionName(command.Action)}» недоступно");
        }

        var at = SqliteDatabase.ToDb(command.At);
        var set = new List<string> { "status = $status", "updated_at = $now" };
        var parameters = new Dictionary<string, object?> { ["$status"] = next.ToString(), ["$now"] = SqliteDatabase.ToDb(now), ["$at"] = at };
        string? alertKind = null, alertRecipient = null;
        var cycle = current.Cycle;
        var details = command.Reason;

        switch (command.Action)
        {
            case IncidentAction.TakeInWork:
                set.Add("first_reaction_at = COALESCE(first_reaction_at, $at)");
                break;
            case IncidentAction.Answer:
                set.AddRange(["first_reaction_at = COALESCE(first_reaction_at, $at)", "answered_at = $at", "answer_text = $answerText",
                    "answer_post_key = $answerPost", "answer_score = $score", "answer_details = $answerDetails"]);
                parameters["$answerText"] = command.AnswerText;
                parameters["$answerPost"] = command.AnswerPostKey;
                parameters["$score"] = command.AnswerScore;
                parameters["$answerDetails"] = command.AnswerDetails;
                details ??= command.AnswerPostKey ?? command.AnswerText;
                break;
            case IncidentAction.Close:
                set.Add("closed_at = $at");
                break;
            case IncidentAction.Reject:
                if (string.IsNullOrWhiteSpace(command.Reason))
                {
                    return IncidentCommandResult.Refused(current.Status, "Укажите причину: почему обращение не в вашей компетенции");
                }

                set.Add("reject_reason = $reason");
                parameters["$reason"] = command.Reason;
                (alertKind, alertRecipient) = (AlertRejected, routing.DefaultRecipient);
                break;
            case IncidentAction.Reassign:
                if (command.RecipientId is not { Length: > 0 } recipient || routing.Recipients.All(r => r.Id != recipient))
                {
                    return IncidentCommandResult.Refused(current.Status, $"Получатель '{command.RecipientId}' не найден в реестре (Routing:Recipients)");
                }

                cycle++;
                RestartClocks(set, parameters, current, command.At, recipient, cycle);
                set.Add("recipient_id = $recipient");
                set.Add("routing_reason = $routingReason");
                parameters["$recipient"] = recipient;
                parameters["$routingReason"] = $"переназначено: {command.Actor}";
                details = string.IsNullOrWhiteSpace(command.Reason) ? $"{current.RecipientId} → {recipient}" : $"{current.RecipientId} → {recipient}: {command.Reason}";
                (alertKind, alertRecipient) = (AlertReassigned, recipient);
                break;
            case IncidentAction.Dismiss:
                set.Add("closed_at = $at");
                details = string.IsNullOrWhiteSpace(command.Reason) ? NotAnAppeal : command.Reason;
                break;
            case IncidentAction.MergedInto:
                if (command.TargetIncidentId is not { } target || target == command.IncidentId)
                {
                    return IncidentCommandResult.Refused(current.Status, "Укажите другой инцидент, с которым объединить этот");
                }

                if (Load(connection, transaction, target) is not { } other || other.Municipality != current.Municipality || !IncidentLifecycle.IsOpen(other.Status))
                {
                    return IncidentCommandResult.Refused(current.Status, $"Инцидент #{target} не найден или уже не открыт: объединить можно только с открытым");
                }

                set.Add("closed_at = $at");
                details = string.Create(CultureInfo.InvariantCulture, $"#{target}");
                details = string.IsNullOrWhiteSpace(command.Reason) ? details : $"{details}: {command.Reason}";
                break;
            case IncidentAction.Reopen:
                cycle++;
                RestartClocks(set, parameters, current, command.At, current.RecipientId, cycle);
                set.AddRange(["answered_at = NULL", "closed_at = NULL", "reopen_count = reopen_count + 1"]);
                (alertKind, alertRecipient) = (AlertReopened, current.RecipientId);
                break;
        }

        using (var update = Command(connection, transaction, $"UPDATE incidents SET {string.Join(", ", set)} WHERE id = $id", parameters))
        {
            update.Parameters.AddWithValue("$id", command.IncidentId);
            update.ExecuteNonQuery();
        }

        InsertEvent(connection, transaction, command.IncidentId, current.Municipality, IncidentLifecycle.EventType(command.Action), command.Actor, at, details);
        QueueForIndex(connection, transaction, current.Municipality, command.IncidentId, now);
        if (alertKind is not null && alertRecipient is not null)
        {
            InsertAlert(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"{alertKind}:{command.IncidentId}:{cycle}"),
                current.Municipality, command.IncidentId, alertRecipient, alertKind, now, details);
        }

        return new IncidentCommandResult(true, current.Status, next, $"Инцидент #{command.IncidentId}: {StatusName(current.Status)} → {StatusName(next)}");
    }

    /// <summary>Inserts an alert unless one with the key exists; true when inserted.</summary>
    public static bool InsertAlert(
        SqliteConnection connection, SqliteTransaction transaction, string key, string municipality, long incidentId, string recipientId, string kind, DateTimeOffset now, string? details)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO alert_outbox (idempotency_key, municipality, incident_id, recipient_id, kind, created_at, next_attempt_at, details)
            VALUES ($key, $municipality, $incident, $recipient, $kind, $now, $now, $details)
            ON CONFLICT(idempotency_key) DO NOTHING
            """, new()
        {
            ["$key"] = key, ["$municipality"] = municipality, ["$incident"] = incidentId, ["$recipient"] = recipientId,
            ["$kind"] = kind, ["$now"] = SqliteDatabase.ToDb(now), ["$details"] = details,
        });
        return command.ExecuteNonQuery() == 1;
    }

    public static void InsertEvent(SqliteConnection connection, SqliteTransaction transaction, long incidentId, string municipality, string type, string actor, string at, string? details)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO incident_events (incident_id, municipality, type, actor, at, details)
            VALUES ($incident, $municipality, $type, $actor, $at, $details)
            """, new() { ["$incident"] = incidentId, ["$municipality"] = municipality, ["$type"] = type, ["$actor"] = actor, ["$at"] = at, ["$details"] = details });
        command.ExecuteNonQuery();
    }

    public static void QueueForIndex(SqliteConnection connection, SqliteTransaction transaction, string municipality, long incidentId, DateTimeOffset now)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO index_outbox (municipality, doc_type, doc_id, created_at, next_attempt_at) VALUES ($municipality, $type, $id, $now, $now)
            """, new()
        {
            ["$municipality"] = municipality, ["$type"] = IndexDocumentTypes.Incident,
            ["$id"] = incidentId.ToString(CultureInfo.InvariantCulture), ["$now"] = SqliteDatabase.ToDb(now),
        });
        command.ExecuteNonQuery();
    }

    public static string StatusName(IncidentStatus status) => status switch
    {
        IncidentStatus.New => "«Новый»",
        IncidentStatus.Assigned => "«Назначен»",
        IncidentStatus.InProgress => "«В работе»",
        IncidentStatus.Answered => "«Ответ дан»",
        IncidentStatus.Closed => "«Закрыт»",
        IncidentStatus.Reassigned => "«Переназначен»",
        IncidentStatus.Rejected => "«Не наша компетенция»",
        IncidentStatus.Reopened => "«Открыт повторно»",
        _ => status.ToString(),
    };

    private static string ActionName(IncidentAction action) => action switch
    {
        IncidentAction.Assign => "назначить",
        IncidentAction.TakeInWork => "взять в работу",
        IncidentAction.Answer => "ответ дан",
        IncidentAction.Close => "закрыть",
        IncidentAction.Reassign => "переназначить",
        IncidentAction.Reject => "не наша компетенция",
        IncidentAction.Reopen => "открыть повторно",
        IncidentAction.Dismiss => "не обращение",
        IncidentAction.MergedInto => "объединить с другим инцидентом",
        _ => action.ToString(),
    };

    /// <summary>A reassignment or a reopening gives the recipient its full time again, counted from that moment.</summary>
    private void RestartClocks(List<string> set, Dictionary<string, object?> parameters, Current current, DateTimeOffset at, string recipientId, int cycle)
    {
        set.AddRange(["cycle = $cycle", "clock_started_at = $at", "due_at = $due", "answer_due_at = $answerDue", "first_reaction_at = NULL", "escalation_level = 0"]);
        parameters["$cycle"] = cycle;
        parameters["$due"] = SqliteDatabase.ToDb(clock.ReactionDue(current.Priority, at, recipientId));
        parameters["$answerDue"] = SqliteDatabase.ToDb(clock.AnswerDue(current.Priority, at, recipientId));
    }

    private static Current? Load(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, "SELECT status, recipient_id, priority, cycle, municipality FROM incidents WHERE id = $id", new() { ["$id"] = id });
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new Current(Enum.Parse<IncidentStatus>(reader.GetString(0)), reader.GetString(1), Enum.Parse<Priority>(reader.GetString(2)), reader.GetInt32(3), reader.GetString(4))
            : null;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, Dictionary<string, object?> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private sealed record Current(IncidentStatus Status, string RecipientId, Priority Priority, int Cycle, string Municipality);
}
