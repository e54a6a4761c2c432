namespace Mcu.Monitor.Triage;

/// <summary>
/// One incident for the console's detail page: the list fields, the lifecycle moments, why it went to its recipient,
/// the recipient's rejection reason, the official answer with its completeness score (0..100) and the rubric's findings
/// (JSON), its posts (main post first, then by publication) and its timeline (by time).
/// </summary>
public sealed record IncidentDetail(IncidentListItem Incident, int Cycle, DateTimeOffset? FirstReactionAt, DateTimeOffset? AnsweredAt,
    DateTimeOffset? ClosedAt, string RoutingReason, string? RejectReason, string? AnswerText, string? AnswerPostKey, int? AnswerScore,
    string? AnswerDetails, IReadOnlyList<IncidentPostView> Posts, IReadOnlyList<IncidentEventView> Timeline);
