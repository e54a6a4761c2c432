namespace Mcu.Monitor.Triage;

/// <summary>A post of an incident; <see cref="IsMain"/> marks the post that opened it.</summary>
public sealed record IncidentPostView(string PostKey, DateTimeOffset PublishedAt, string Network, string? AuthorName, string Text, string? Url, bool IsMain);
