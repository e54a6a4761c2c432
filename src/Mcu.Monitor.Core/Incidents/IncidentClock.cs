using Mcu.Monitor.Domain;
using Mcu.Monitor.Routing;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// Deadlines of an incident from its priority and the moment its clock started, on the municipality's working
/// calendar — or in plain time for a recipient that works round the clock (<see cref="RecipientOptions.RoundTheClock"/>).
/// </summary>
public sealed class IncidentClock(DeadlineOptions options, WorkingCalendar? calendar, RoutingOptions? routing = null)
{
    private readonly HashSet<string> _roundTheClock = routing is null ? [] :
        [.. routing.Recipients.Where(r => r.RoundTheClock).Select(r => r.Id)];

    public DeadlineOptions Options => options;

    public DateTimeOffset ReactionDue(Priority priority, DateTimeOffset start, string? recipientId = null) =>
        Add(start, options.Reaction.For(priority), recipientId);

    public DateTimeOffset AnswerDue(Priority priority, DateTimeOffset start, string? recipientId = null) =>
        Add(start, options.Answer.For(priority), recipientId);

    /// <summary>Working time after <paramref name="start"/> for the recipient (plain time when it works round the clock).</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration, string? recipientId = null) =>
        calendar is null || (recipientId is not null && _roundTheClock.Contains(recipientId))
            ? start + duration
            : calendar.AddWorkingTime(start, duration);
}
