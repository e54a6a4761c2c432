namespace Mcu.Monitor.Querying;

/// <summary>
/// How many posts match, and either the newest of them or the counts by the chosen field (largest first).
/// With <paramref name="TotalIsLowerBound"/> at least <paramref name="Total"/> match: counting stopped there
/// (<see cref="PostQuery.CountUpTo"/>).
/// </summary>
public sealed record QueryResult(long Total, IReadOnlyList<PostHit> Posts, IReadOnlyList<GroupCount> Groups, bool TotalIsLowerBound = false);
