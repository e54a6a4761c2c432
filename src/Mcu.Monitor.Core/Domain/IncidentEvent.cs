namespace Mcu.Monitor.Domain;

/// <summary>One step in an incident's history: every transition is an event with actor and time.</summary>
public sealed record IncidentEvent(long IncidentId, string Type, string Actor, DateTimeOffset At, string? Details);
