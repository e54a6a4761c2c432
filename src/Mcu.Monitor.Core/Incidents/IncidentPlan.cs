using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// An incident to open for a new post and the alert to send about it. The store applies the plan only if
/// the post was really new in the same transaction, so a replayed post never opens a second incident.
/// </summary>
public sealed record IncidentPlan(Incident Incident, string AlertIdempotencyKey);
