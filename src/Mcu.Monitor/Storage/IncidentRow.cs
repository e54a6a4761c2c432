namespace Mcu.Monitor.Storage;

/// <summary>An incident as <c>incidents list</c> shows it.</summary>
public sealed record IncidentRow(
    long Id,
    string Municipality,
    string Status,
    string Priority,
    string Risk,
    string Sector,
    string? LocalityId,
    string RecipientId,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    string PostKey,
    string? PostUrl,
    int Posts,
    string RoutingReason);
