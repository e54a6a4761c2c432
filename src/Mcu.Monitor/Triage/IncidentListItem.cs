namespace Mcu.Monitor.Triage;

/// <summary>
/// An incident as the console's «Инциденты» list shows it. <see cref="ReactionDueAt"/> is the first-reaction deadline,
/// <see cref="AnswerDueAt"/> the final-answer one. <see cref="Overdue"/>: the incident is open and, at the time of
/// the query, its reaction deadline passed with no reaction or its answer deadline passed. <see cref="PostCount"/>
/// counts the posts the detail page lists (the incident's posts and its main post); <see cref="Excerpt"/> and
/// <see cref="Url"/> are the main post's.
/// </summary>
public sealed record IncidentListItem(long Id, string Status, string Priority, string RiskLevel, string Sector, string? LocalityId,
    string RecipientId, DateTimeOffset OpenedAt, DateTimeOffset ReactionDueAt, DateTimeOffset? AnswerDueAt, bool Overdue,
    int PostCount, string Excerpt, string? Url);
