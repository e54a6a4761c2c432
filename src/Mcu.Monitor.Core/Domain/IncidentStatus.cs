namespace Mcu.Monitor.Domain;

/// <summary>Lifecycle of an incident (the full lifecycle arrives with issue #6).</summary>
public enum IncidentStatus
{
    New,
    Assigned,
    InProgress,
    Answered,
    Closed,
    Reassigned,
    Rejected,
    Reopened,
}
