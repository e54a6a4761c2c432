using System.Globalization;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Routing;

namespace Mcu.Monitor.Incidents;

/// <summary>The deadline-relevant state of an open incident, as the deadline watcher reads it.</summary>
public sealed record IncidentDeadlineState(
    long Id,
    IncidentStatus Status,
    string RecipientId,
    int Cycle,
    bool Reacted,
    DateTimeOffset ReactionDueAt,
    DateTimeOffset AnswerDueAt);

/// <summary>A reminder or an escalation that is due, with the key that makes it happen once.</summary>
public sealed record DeadlineStep(string Kind, DeadlineClock Clock, int Level, string ToRecipient, DateTimeOffset FireAt, string IdempotencyKey)
{
    public const string Reminder = "incident.reminder";
    public const string Escalation = "incident.escalated";
}

/// <summary>
/// Decides which reminders and escalations are due. Stateless: every step is a pure function of the incident and
/// the clock, and its idempotency key names the incident, its cycle (a reassignment or a reopening starts a new
/// one), the clock and the rung — so the watcher may run as often as it likes, or stop and start, and each step
/// happens exactly once. A step whose moment passed while the worker was down still fires when it comes back,
/// except a reminder for a deadline that has already passed (the escalation says more).
/// </summary>
public sealed class DeadlineRules(IncidentClock clock, RoutingOptions routing)
{
    /// <summary>Longest ladder followed, so a configuration loop can never spin.</summary>
    private const int MaxLevels = 10;

    private readonly Dictionary<string, string?> _parents = routing.Recipients
        .GroupBy(r => r.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().EscalatesTo, StringComparer.Ordinal);

    /// <summary>The escalation ladder above a recipient, nearest first.</summary>
    public IReadOnlyList<string> LadderAbove(string recipientId)
    {
        var ladder = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { recipientId };
        var current = recipientId;
        while (ladder.Count < MaxLevels && _parents.GetValueOrDefault(current) is { Length: > 0 } parent && seen.Add(parent))
        {
            ladder.Add(parent);
            current = parent;
        }

        return ladder;
    }

    public IReadOnlyList<DeadlineStep> DueSteps(IncidentDeadlineState incident, DateTimeOffset now)
    {
        if (IncidentLifecycle.RunningClock(incident.Status, incident.Reacted) is not { } running)
        {
            return [];
        }

        var due = running == DeadlineClock.Reaction ? incident.ReactionDueAt : incident.AnswerDueAt;
        var steps = new List<DeadlineStep>();
        var remindAt = due - clock.Options.ReminderBefore;
        if (now >= remindAt && now < due)
        {
            steps.Add(new DeadlineStep(DeadlineStep.Reminder, running, 0, incident.RecipientId, remindAt, Key(DeadlineStep.Reminder, incident, running, 0)));
        }

        var ladder = LadderAbove(incident.RecipientId);
        for (var level = 1; level <= ladder.Count; level++)
        {
            var fireAt = level == 1 ? due : clock.Add(due, clock.Options.EscalationStep * (level - 1), incident.RecipientId);
            if (now < fireAt)
            {
                break;
            }

            steps.Add(new DeadlineStep(DeadlineStep.Escalation, running, level, ladder[level - 1], fireAt, Key(DeadlineStep.Escalation, incident, running, level)));
        }

        return steps;
    }

    private static string Key(string kind, IncidentDeadlineState incident, DeadlineClock clock, int level) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{incident.Id}:{incident.Cycle}:{clock.ToString().ToLowerInvariant()}:{level}");
}
