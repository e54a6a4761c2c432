namespace Mcu.Monitor.Incidents;

/// <summary>
/// One change of an incident: what, by whom (an officer's login, <c>telegram:&lt;chat&gt;</c>, <c>system</c>) and
/// when it really happened (an answer found in a thread happened when its comment was published).
/// </summary>
public sealed record IncidentCommand(long IncidentId, IncidentAction Action, string Actor, DateTimeOffset At)
{
    /// <summary>Why (a rejection's reason, an officer's note).</summary>
    public string? Reason { get; init; }

    /// <summary>The new recipient of a reassignment.</summary>
    public string? RecipientId { get; init; }

    /// <summary>The open incident that takes this one's post (<see cref="IncidentAction.MergedInto"/>).</summary>
    public long? TargetIncidentId { get; init; }

    /// <summary>The answer's text or link, as the recipient gave it.</summary>
    public string? AnswerText { get; init; }

    /// <summary>The comment that is the official answer, when it was found in the thread.</summary>
    public string? AnswerPostKey { get; init; }

    /// <summary>Completeness of the answer, 0..100, and the rubric's reasons as JSON.</summary>
    public int? AnswerScore { get; init; }

    public string? AnswerDetails { get; init; }
}

/// <summary>What came of a command: the move made, or why it was refused (in Russian, for the person who asked).</summary>
public sealed record IncidentCommandResult(bool Applied, Domain.IncidentStatus? From, Domain.IncidentStatus? To, string Message)
{
    public static IncidentCommandResult Refused(Domain.IncidentStatus? from, string message) => new(false, from, null, message);
}
