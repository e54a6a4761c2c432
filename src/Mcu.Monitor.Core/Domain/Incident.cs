namespace Mcu.Monitor.Domain;

/// <summary>A problem raised by residents that a responsible recipient must answer.</summary>
public sealed record Incident
{
    public long Id { get; init; }

    public required string Municipality { get; init; }

    /// <summary>The post that opened the incident.</summary>
    public required PostKey PostKey { get; init; }

    public required string Sector { get; init; }

    public string? LocalityId { get; init; }

    public required string RecipientId { get; init; }

    public required Priority Priority { get; init; }

    public required RiskLevel Risk { get; init; }

    public required IncidentStatus Status { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>The first-reaction deadline.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The final-answer deadline; defaults to the first-reaction one where only that is known.</summary>
    public DateTimeOffset? AnswerDueAt { get; init; }

    /// <summary>Which routing rule chose the recipient, for the officer who asks "why them?".</summary>
    public required string RoutingReason { get; init; }
}
