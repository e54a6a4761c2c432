namespace Mcu.Monitor.Benchmarks;

/// <summary>What <see cref="SyntheticDatabase.Fill"/> wrote: posts, incidents, and the span of publication times.</summary>
public sealed record SyntheticDatabaseSummary(int Posts, int Incidents, int IncidentPosts, DateTimeOffset From, DateTimeOffset To);
