using System.Globalization;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// Looks at every open incident's running clock and queues the reminders and escalations that are due
/// (<see cref="DeadlineRules"/>), each with its event, in one transaction per step: the alert's idempotency key
/// makes a step that is already queued a no-op, so a crash or a second worker never repeats one.
/// </summary>
public sealed class DeadlineWatcher(SqliteDatabase database, DeadlineRules rules, TimeProvider time, ILogger<DeadlineWatcher> logger)
{
    /// <summary>Queues what is due now; returns how many steps were new.</summary>
    public int Check()
    {
        var now = time.GetUtcNow();
        var fired = 0;
        foreach (var (incident, municipality) in LoadOpen())
        {
            foreach (var step in rules.DueSteps(incident, now))
            {
                if (Fire(incident, municipality, step, now))
                {
                    fired++;
                    IncidentLog.StepQueued(logger, step.Kind, incident.Id, step.Level, step.ToRecipient);
                }
            }
        }

        return fired;
    }

    private bool Fire(IncidentDeadlineState incident, string municipality, DeadlineStep step, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var clockName = step.Clock == DeadlineClock.Reaction ? "срок реакции" : "срок ответа";
        var details = step.Kind == DeadlineStep.Reminder
            ? $"напоминание: {clockName} истекает"
            : string.Create(CultureInfo.InvariantCulture, $"эскалация, ступень {step.Level}: {clockName} пропущен ответственным {incident.RecipientId}");
        if (!IncidentTransitions.InsertAlert(connection, transaction, step.IdempotencyKey, municipality, incident.Id, step.ToRecipient, step.Kind, now, details))
        {
            return false;
        }

        // The event is when it happened (now); its details say when it fell due, which differs after downtime.
        IncidentTransitions.InsertEvent(connection, transaction, incident.Id, municipality,
            step.Kind == DeadlineStep.Reminder ? "reminded" : "escalated", "system", SqliteDatabase.ToDb(now),
            string.Create(CultureInfo.InvariantCulture, $"{details} → {step.ToRecipient} (момент по сроку: {step.FireAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"));
        if (step.Kind == DeadlineStep.Escalation)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE incidents SET escalation_level = MAX(escalation_level, $level), updated_at = $now WHERE id = $id";
            update.Parameters.AddWithValue("$level", step.Level);
            update.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
            update.Parameters.AddWithValue("$id", incident.Id);
            update.ExecuteNonQuery();
            IncidentTransitions.QueueForIndex(connection, transaction, municipality, incident.Id, now);
        }

        transaction.Commit();
        return true;
    }

    private List<(IncidentDeadlineState Incident, string Municipality)> LoadOpen()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, status, recipient_id, cycle, first_reaction_at IS NOT NULL, due_at, COALESCE(answer_due_at, due_at), municipality
            FROM incidents WHERE status IN {IncidentLifecycle.OpenStatusesSql}
            ORDER BY id
            """;
        using var reader = command.ExecuteReader();
        var result = new List<(IncidentDeadlineState, string)>();
        while (reader.Read())
        {
            result.Add((new IncidentDeadlineState(
                reader.GetInt64(0),
                Enum.Parse<IncidentStatus>(reader.GetString(1)),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetBoolean(4),
                SqliteDatabase.FromDb(reader.GetString(5)),
                SqliteDatabase.FromDb(reader.GetString(6))), reader.GetString(7)));
        }

        return result;
    }
}
