using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Incidents;

/// <summary>What an officer, a recipient or the system does to an incident.</summary>
public enum IncidentAction
{
    /// <summary>The МЦУ confirms the recipient.</summary>
    Assign,

    /// <summary>The recipient's first reaction: «Взял в работу».</summary>
    TakeInWork,

    /// <summary>The official answer is given (by the bot, the console, or found in the thread).</summary>
    Answer,

    /// <summary>The МЦУ closes an answered (or rightly rejected) incident.</summary>
    Close,

    /// <summary>The МЦУ hands it to another recipient; the clocks start again.</summary>
    Reassign,

    /// <summary>The recipient says «не наша компетенция», with a reason; it goes back to the МЦУ.</summary>
    Reject,

    /// <summary>The resident says nothing was done; the clocks start again.</summary>
    Reopen,

    /// <summary>
    /// The МЦУ closes an open (or rejected) incident as «не обращение»: nothing in it needs an answer. No alert: the
    /// recipient has nothing to do. The console's triage makes it and takes the post out of the incident.
    /// </summary>
    Dismiss,

    /// <summary>
    /// The МЦУ moves the incident's only post into another open incident about the same problem and closes this one
    /// (the event names the other incident). No alert: the other incident's recipient already has the problem.
    /// </summary>
    MergedInto,
}

/// <summary>
/// The incident lifecycle: New → Assigned → InProgress → Answered → Closed, plus Reassigned, Rejected and
/// Reopened; an open or rejected incident is also Closed when the МЦУ finds it is not an appeal (Dismiss) or the same
/// problem as another incident (MergedInto). Every allowed move is listed here, so a stale button pressed twice or a
/// late answer can't skip a step.
/// </summary>
public static class IncidentLifecycle
{
    private static readonly IncidentStatus[] Open =
        [IncidentStatus.New, IncidentStatus.Assigned, IncidentStatus.InProgress, IncidentStatus.Reassigned, IncidentStatus.Reopened];

    /// <summary>The open statuses as an SQL list, <c>('New', 'Assigned', …)</c>, for queries over <c>incidents.status</c>.</summary>
    public static string OpenStatusesSql { get; } = "(" + string.Join(", ", Open.Select(s => $"'{s}'")) + ")";

    /// <summary>
    /// The running deadline in SQL over <c>incidents</c>' columns (prefixed by <paramref name="alias"/>, e.g. <c>i.</c>): the
    /// reaction's until the first reaction, then the answer's, which never comes before it.
    /// </summary>
    public static string RunningDeadlineSql(string alias = "") =>
        $"CASE WHEN {alias}first_reaction_at IS NULL THEN {alias}due_at ELSE COALESCE({alias}answer_due_at, {alias}due_at) END";

    /// <summary>Overdue in SQL: open and past the running deadline at the parameter <c>$now</c> (the reports' «просрочено»).</summary>
    public static string OverdueSql(string alias = "") => $"({alias}status IN {OpenStatusesSql} AND {RunningDeadlineSql(alias)} < $now)";

    /// <summary>The status after <paramref name="action"/>, or null when the action is not allowed from <paramref name="from"/>.</summary>
    public static IncidentStatus? Next(IncidentStatus from, IncidentAction action) => action switch
    {
        IncidentAction.Assign when from is IncidentStatus.New or IncidentStatus.Reassigned or IncidentStatus.Reopened => IncidentStatus.Assigned,
        IncidentAction.TakeInWork when from is not IncidentStatus.InProgress && IsOpen(from) => IncidentStatus.InProgress,
        IncidentAction.Answer when IsOpen(from) => IncidentStatus.Answered,
        IncidentAction.Close when from is IncidentStatus.Answered or IncidentStatus.Rejected => IncidentStatus.Closed,
        IncidentAction.Reassign when IsOpen(from) || from == IncidentStatus.Rejected => IncidentStatus.Reassigned,
        IncidentAction.Reject when IsOpen(from) => IncidentStatus.Rejected,
        IncidentAction.Reopen when from is IncidentStatus.Answered or IncidentStatus.Closed => IncidentStatus.Reopened,
        IncidentAction.Dismiss or IncidentAction.MergedInto when IsOpen(from) || from == IncidentStatus.Rejected => IncidentStatus.Closed,
        _ => null,
    };

    /// <summary>Work is still expected from the recipient.</summary>
    public static bool IsOpen(IncidentStatus status) => Array.IndexOf(Open, status) >= 0;

    /// <summary>The event type stored for an action (<c>incident_events.type</c>).</summary>
    public static string EventType(IncidentAction action) => action switch
    {
        IncidentAction.Assign => "assigned",
        IncidentAction.TakeInWork => "taken",
        IncidentAction.Answer => "answered",
        IncidentAction.Close => "closed",
        IncidentAction.Reassign => "reassigned",
        IncidentAction.Reject => "rejected",
        IncidentAction.Reopen => "reopened",
        IncidentAction.Dismiss => "dismissed",
        IncidentAction.MergedInto => "merged_into",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>Which clock runs in a status: the first reaction, the final answer, or none.</summary>
    public static DeadlineClock? RunningClock(IncidentStatus status, bool reacted) => status switch
    {
        IncidentStatus.InProgress => DeadlineClock.Answer,
        _ when IsOpen(status) => reacted ? DeadlineClock.Answer : DeadlineClock.Reaction,
        _ => null,
    };
}

/// <summary>The two deadlines of an incident.</summary>
public enum DeadlineClock
{
    Reaction,
    Answer,
}
