namespace Mcu.Monitor.Reports;

/// <summary>
/// One incident as the reports see it: its stored times and, computed by <see cref="ReportMetrics"/> as of
/// <see cref="ReportMetrics"/>'s moment of reckoning, its reaction time, deadline outcome, satisfaction and overdue flag.
/// Times of the current cycle: a reassignment or reopening restarts the clocks (<see cref="ClockStartedAt"/>, <see cref="DueAt"/>).
/// </summary>
public sealed record IncidentFacts(
    long Id,
    string RecipientId,
    string Sector,
    string Network,
    string Status,
    string Priority,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClockStartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset AnswerDueAt,
    DateTimeOffset? FirstReactionAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ClosedAt,
    int ReopenCount,
    int? AnswerScore,
    string PostKey,
    string? PostUrl)
{
    /// <summary>The first reaction: taken in work or answered (an answer with no separate reaction is the reaction).</summary>
    public DateTimeOffset? ReactionAt => FirstReactionAt ?? AnsweredAt;

    /// <summary>Working hours from the start of the current cycle's clock to the reaction; null before a reaction.</summary>
    public double? ReactionHours { get; init; }

    /// <summary>True when the reaction came by <see cref="DueAt"/>; false when it came later or the deadline passed without one; null while it may still come in time.</summary>
    public bool? WithinDeadline { get; init; }

    /// <summary>Null when the incident was never answered; see <see cref="ReportMetrics"/> for the definition.</summary>
    public bool? Satisfied { get; init; }

    /// <summary>Still open and past its running deadline (the reaction's before a reaction, the answer's after).</summary>
    public bool Overdue { get; init; }

    public bool Answered => AnsweredAt is not null;

    public bool Reopened => ReopenCount > 0;

    /// <summary>Answered now, or answered once and reopened (a reopening only follows an answer).</summary>
    public bool EverAnswered => AnsweredAt is not null || ReopenCount > 0;

    /// <summary>The deadline that runs now: the reaction's until a reaction, then the answer's.</summary>
    public DateTimeOffset RunningDeadline => ReactionAt is null ? DueAt : AnswerDueAt;
}
