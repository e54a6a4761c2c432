using Mcu.Monitor.Querying;

namespace Mcu.Monitor.Benchmarks;

/// <summary>
/// The filters an operator typically sets on the console's feed (issue #8), on the values of <see cref="SyntheticDatabase"/>:
/// none; a sector; a sector and a least risk; appeals; a network; a locality; the last 7 days; a common word; a word and a
/// sector; and three rarer ones (critical posts, a sector in a village, a word in a village). Pages of 100 posts;
/// <c>bench console</c> measures them through <see cref="SqlitePostSearch"/> and the console can replay them over HTTP.
/// </summary>
public static class ConsoleFeedFilters
{
    public const int PageSize = 100;

    /// <summary>The filters; <paramref name="newest"/> (the newest post's time) ends the 7-day period.</summary>
    public static IReadOnlyList<ConsoleFeedFilter> Typical(DateTimeOffset newest) =>
    [
        new("no filter", Page(new PostQuery())),
        new("sector zhkh", Page(new PostQuery { Sector = "zhkh" })),
        new("sector zhkh, risk High+", Page(new PostQuery { Sector = "zhkh", MinRisk = "High" })),
        new("appeals", Page(new PostQuery { Appeal = true })),
        new("network telegram", Page(new PostQuery { Network = "telegram" })),
        new("locality ilovka", Page(new PostQuery { Locality = "ilovka" })),
        new("last 7 days", Page(new PostQuery { From = newest.AddDays(-7), To = newest.AddTicks(1) })),
        new("text «вода»", Page(new PostQuery { Text = "вода" })),
        new("text «вода», sector zhkh", Page(new PostQuery { Text = "вода", Sector = "zhkh" })),
        new("risk Critical", Page(new PostQuery { MinRisk = "Critical" })),
        new("locality ilovka, sector roads", Page(new PostQuery { Locality = "ilovka", Sector = "roads" })),
        new("text «вода», locality ilovka", Page(new PostQuery { Text = "вода", Locality = "ilovka" })),
    ];

    private static PostQuery Page(PostQuery query) => query with { Limit = PageSize };
}
