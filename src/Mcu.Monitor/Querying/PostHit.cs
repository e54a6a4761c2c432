namespace Mcu.Monitor.Querying;

/// <summary>One post in a query's answer, newest first; the text is cut to an excerpt.</summary>
public sealed record PostHit(
    string Id, DateTimeOffset PublishedAt, string Network, string Sector, string RiskLevel, string? LocalityId, bool Appeal, string? RecipientId, string? Url, string Excerpt);
