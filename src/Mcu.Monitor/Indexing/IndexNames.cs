using System.Globalization;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// Where a document lives. A post's index is a pure function of the post (its own month in UTC), so retries,
/// replays and rebuilds always land on the same index and <c>_id</c> (ELASTIC.md §3.4).
/// </summary>
public static class IndexNames
{
    public static string PostIndex(string prefix, DateTimeOffset publishedAt) =>
        prefix + "-" + publishedAt.UtcDateTime.ToString("yyyy.MM", CultureInfo.InvariantCulture);

    /// <summary>The first instant after the month an index holds: its ILM origination date, so retention counts from its newest post.</summary>
    public static DateTimeOffset EndOfMonth(DateTimeOffset publishedAt)
    {
        var utc = publishedAt.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
    }

    public static string PostsTemplate(ElasticsearchOptions o) => o.PostsIndexPrefix;

    public static string IncidentsTemplate(ElasticsearchOptions o) => o.IncidentsAlias;

    public static string PostsPolicy(ElasticsearchOptions o) => o.PostsIndexPrefix + "-retention";
}
