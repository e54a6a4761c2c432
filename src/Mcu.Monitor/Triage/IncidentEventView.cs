namespace Mcu.Monitor.Triage;

/// <summary>
/// One entry of an incident's timeline: its type (<c>opened</c>, <c>assigned</c>, <c>corrected</c>, <c>merged</c>,
/// <c>dismissed</c>, …), who (an officer's login, <c>telegram:&lt;chat&gt;</c>, <c>system</c>), when it happened, and details.
/// </summary>
public sealed record IncidentEventView(long Id, string Type, string Actor, DateTimeOffset At, string? Details);
