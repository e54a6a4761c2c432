namespace Mcu.Monitor.Storage;

/// <summary>An incident as the search index holds it, rebuilt from SQLite at any time.</summary>
public sealed record IncidentDocument
{
    public required long Id { get; init; }

    /// <summary>The document version for external versioning: the newest index outbox id of this incident.</summary>
    public required long Version { get; init; }

    public required string Municipality { get; init; }

    public required string PostId { get; init; }

    public string? PostUrl { get; init; }

    public required int Posts { get; init; }

    public required string Sector { get; init; }

    public required string SectorName { get; init; }

    public string? LocalityId { get; init; }

    public string? LocalityName { get; init; }

    public required string RecipientId { get; init; }

    public required string RecipientName { get; init; }

    public required string Priority { get; init; }

    public required string RiskLevel { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string RoutingReason { get; init; }

    /// <summary>The final-answer deadline.</summary>
    public DateTimeOffset? AnswerDueAt { get; init; }

    /// <summary>The recipient's first reaction («Взял в работу», or the answer itself), in the current cycle.</summary>
    public DateTimeOffset? FirstReactionAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Minutes from the clock's start to the first reaction (plain time, for dashboards; reports count working hours).</summary>
    public double? ReactionMinutes { get; init; }

    /// <summary>Completeness of the official answer, 0..100.</summary>
    public int? AnswerScore { get; init; }

    /// <summary>Highest escalation rung reached in the current cycle.</summary>
    public int EscalationLevel { get; init; }

    public int ReopenCount { get; init; }
}
