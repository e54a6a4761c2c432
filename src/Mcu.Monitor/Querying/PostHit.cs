namespace Mcu.Monitor.Querying;

/// <summary>
/// One post in a query's answer, newest first; the text is cut to an excerpt. The trailing members are what the
/// operator console shows beside it; each is null where the backend does not hold it (Elasticsearch has no author
/// names) — <paramref name="Reasons"/> is the classification's reasons as a JSON array of strings.
/// </summary>
public sealed record PostHit(
    string Id, DateTimeOffset PublishedAt, string Network, string Sector, string RiskLevel, string? LocalityId, bool Appeal, string? RecipientId, string? Url, string Excerpt,
    string? SourceId = null, string? AuthorName = null, double? RiskScore = null, long? IncidentId = null, string? Reasons = null);
