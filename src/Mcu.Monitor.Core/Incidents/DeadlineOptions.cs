using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// The two clocks of an incident (section <c>Incidents:Deadlines</c>), counted in working time on the working
/// calendar (<see cref="WorkingCalendar"/>): 4 working hours started on Friday at 16:00 fall due on Monday at 11:00.
/// The first-reaction clock runs until the recipient takes the incident in work or answers; the final-answer
/// clock until the answer. Reminders go out <see cref="ReminderBefore"/> a deadline; when one passes, the
/// incident climbs the escalation ladder one rung per <see cref="EscalationStep"/>.
/// </summary>
public sealed class DeadlineOptions
{
    /// <summary>Time to the first reaction. Defaults 4 / 9 / 24 working hours (Севастополь's norms, DOMAIN.md).</summary>
    public PriorityDeadlines Reaction { get; set; } = new()
    {
        Critical = TimeSpan.FromHours(4),
        High = TimeSpan.FromHours(9),
        Normal = TimeSpan.FromHours(24),
    };

    /// <summary>Time to the final answer. Defaults 1 / 3 / 7 working days of 8 hours.</summary>
    public PriorityDeadlines Answer { get; set; } = new()
    {
        Critical = TimeSpan.FromHours(8),
        High = TimeSpan.FromHours(24),
        Normal = TimeSpan.FromHours(56),
    };

    /// <summary>How long before a deadline the recipient is reminded, in plain time. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Working time between escalation rungs once a deadline has passed. Default 4 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan EscalationStep { get; set; } = TimeSpan.FromHours(4);
}

/// <summary>A duration per priority.</summary>
public sealed class PriorityDeadlines
{
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Critical { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan High { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Normal { get; set; }

    public TimeSpan For(Domain.Priority priority) => priority switch
    {
        Domain.Priority.Critical => Critical,
        Domain.Priority.High => High,
        _ => Normal,
    };
}
