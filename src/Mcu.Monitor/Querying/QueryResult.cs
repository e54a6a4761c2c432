namespace Mcu.Monitor.Querying;

/// <summary>How many posts match, and either the newest of them or the counts by the chosen field (largest first).</summary>
public sealed record QueryResult(long Total, IReadOnlyList<PostHit> Posts, IReadOnlyList<GroupCount> Groups);
