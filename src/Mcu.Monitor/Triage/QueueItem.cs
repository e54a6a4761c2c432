namespace Mcu.Monitor.Triage;

/// <summary>
/// An appeal awaiting triage as the console's «Очередь» shows it: the post, the classifier's labels and reasons (JSON
/// array, as stored), and the incident the post is in, if any. <see cref="RecipientId"/> is that incident's recipient,
/// or for a post in no incident the one the routing rules would choose, for the officer to confirm or change.
/// </summary>
public sealed record QueueItem(string PostKey, DateTimeOffset PublishedAt, string Network, string SourceId, string? AuthorName,
    string Text, string? Url, string Sector, bool Appeal, string RiskLevel, double RiskScore, string? LocalityId, string Reasons,
    long? IncidentId, string? IncidentStatus, string? RecipientId);
