namespace Mcu.Monitor.Reports.Weekly;

/// <summary>An example post: a short excerpt of its text (never the whole text: posts are personal data) and its link.</summary>
public sealed record PostExcerpt(string Key, DateTimeOffset PublishedAt, string Excerpt, string? Url, string RiskLevel);
