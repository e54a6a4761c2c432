using System.Text.Json;
using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Querying;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Querying;

/// <summary>
/// Pages of <see cref="SqlitePostSearch"/> on 2,000 synthetic posts against an answer computed apart: the posts chosen
/// by SQL on the classifications themselves (not the feed's copies in posts) and sorted in C#, newest first, then by key.
/// </summary>
public sealed class SqlitePostSearchPagingTests(SyntheticDatabaseFixture fixture) : IClassFixture<SyntheticDatabaseFixture>
{
    private const int PageSize = 37; // not a divisor of any count here, so the last page is short

    public static TheoryData<string> Filters => [.. Cases.Keys];

    private static readonly Dictionary<string, (PostQuery Query, string Where)> Cases = new()
    {
        ["none"] = (new PostQuery(), "1 = 1"),
        ["sector"] = (new PostQuery { Sector = "zhkh" }, "c.sector = 'zhkh'"),
        ["sector and least risk"] = (new PostQuery { Sector = "zhkh", MinRisk = "Medium" }, "c.sector = 'zhkh' AND c.risk_level IN ('Medium', 'High', 'Critical')"),
        ["high risk"] = (new PostQuery { MinRisk = "High" }, "c.risk_level IN ('High', 'Critical')"),
        ["appeals"] = (new PostQuery { Appeal = true }, "c.is_appeal = 1"),
        ["not appeals on ok"] = (new PostQuery { Appeal = false, Network = "ok" }, "c.is_appeal = 0 AND p.network = 'ok'"),
        ["locality"] = (new PostQuery { Locality = "alekseevka" }, "p.locality_id = 'alekseevka'"),
        ["period"] = (
            new PostQuery { From = SyntheticDatabase.DefaultEnd.AddDays(-120), To = SyntheticDatabase.DefaultEnd.AddDays(-30) },
            $"p.published_at >= '{Db(SyntheticDatabase.DefaultEnd.AddDays(-120))}' AND p.published_at < '{Db(SyntheticDatabase.DefaultEnd.AddDays(-30))}'"),
        ["recipient"] = (new PostQuery { Recipient = "roads" }, "EXISTS (SELECT 1 FROM incident_posts ip JOIN incidents i ON i.id = ip.incident_id WHERE ip.post_key = p.key AND i.recipient_id = 'roads')"),
        ["text"] = (new PostQuery { Text = "вода" }, Words("вода")),
        ["text and sector"] = (new PostQuery { Text = "вода", Sector = "transport" }, Words("вода") + " AND c.sector = 'transport'"),
        ["two words"] = (new PostQuery { Text = "мусор контейнеры" }, Words("мусор контейнеры")),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task SearchAsync_PageAfterPage_GivesTheWholeAnswerInOrderOnce(string filter)
    {
        var (query, where) = Cases[filter];
        var expected = Expected(where);
        Assert.True(expected.Count > PageSize, $"{filter}: {expected.Count} posts is too few to page");

        // picked among the matches (the usual case for few matches) and walking posts by time (what many matches take)
        foreach (var search in (SqlitePostSearch[])[new(fixture.Database), new(fixture.Database) { PickFromMatchesUpTo = 0 }])
        {
            var listed = new List<string>();
            for (var offset = 0; ; offset += PageSize)
            {
                var page = await search.SearchAsync(query with { Limit = PageSize, Offset = offset }, CancellationToken.None);
                Assert.Equal((expected.Count, false), (page.Total, page.TotalIsLowerBound));
                if (page.Posts.Count == 0)
                {
                    break;
                }

                listed.AddRange(page.Posts.Select(p => p.Id));
            }

            Assert.Equal(expected, listed);
        }
    }

    [Fact]
    public async Task SearchAsync_OffsetBeyondTheEnd_NoPostsWithTheTotal()
    {
        var result = await new SqlitePostSearch(fixture.Database).SearchAsync(new PostQuery { Limit = 100, Offset = 5_000 }, CancellationToken.None);
        Assert.Empty(result.Posts);
        Assert.Equal((2_000L, false), (result.Total, result.TotalIsLowerBound));
    }

    [Theory]
    [InlineData("none", 500, 500, true)]
    [InlineData("appeals", 100, 100, true)]
    [InlineData("text and sector", 10_000, -1, false)] // fewer than the cap: exact
    [InlineData("text and sector", 50, 50, true)]
    [InlineData("text", 50, -1, false)] // the words alone: looking them up counted them, so the total is exact
    public async Task SearchAsync_CountUpTo_CountsExactlyUpToTheCapThenSaysAtLeast(string filter, int cap, int total, bool lowerBound)
    {
        var (query, where) = Cases[filter];
        var expected = total < 0 ? Expected(where).Count : total;

        foreach (var search in (SqlitePostSearch[])[new(fixture.Database), new(fixture.Database) { PickFromMatchesUpTo = 0 }])
        {
            var result = await search.SearchAsync(query with { Limit = 10, CountUpTo = cap }, CancellationToken.None);
            Assert.Equal((expected, lowerBound), (result.Total, result.TotalIsLowerBound));
        }
    }

    [Fact]
    public async Task SearchAsync_EveryHit_CarriesWhatTheConsoleShows()
    {
        var page = await new SqlitePostSearch(fixture.Database).SearchAsync(new PostQuery { Limit = 100, Offset = 300 }, CancellationToken.None);

        var incidents = fixture.Rows("SELECT post_key, incident_id FROM incident_posts", r => (r.GetString(0), r.GetInt64(1))).ToDictionary();
        var classifications = fixture.Rows("SELECT post_key, risk_score, reasons FROM classifications", r => (r.GetString(0), (r.GetDouble(1), r.GetString(2))))
            .ToDictionary();
        Assert.Equal(100, page.Posts.Count);
        Assert.All(page.Posts, hit =>
        {
            Assert.NotNull(hit.SourceId);
            Assert.NotNull(hit.AuthorName);
            Assert.Equal(classifications[hit.Id], (hit.RiskScore!.Value, hit.Reasons!));
            Assert.NotEmpty(JsonSerializer.Deserialize<string[]>(hit.Reasons!)!);
            Assert.Equal(incidents.TryGetValue(hit.Id, out var incident) ? incident : null, hit.IncidentId);
            Assert.Equal(hit.Appeal, hit.IncidentId is not null); // every synthetic appeal belongs to an incident
        });
    }

    [Theory]
    [InlineData("none", "SCAN p USING COVERING INDEX ix_posts_feed")]
    [InlineData("sector", "SCAN p USING COVERING INDEX ix_posts_feed")]
    [InlineData("appeals", "SCAN p USING COVERING INDEX ix_posts_feed")]
    [InlineData("high risk", "SCAN p USING COVERING INDEX ix_posts_feed_risky")]
    [InlineData("locality", "SEARCH p USING COVERING INDEX ix_posts_feed_locality (locality_id=?)")]
    [InlineData("period", "SEARCH p USING COVERING INDEX ix_posts_feed (published_at>? AND published_at<?)")]
    public void Explain_TypicalFilters_PageWalksAFeedIndexInOrderAndCountsFromOne(string filter, string walk)
    {
        var plan = new SqlitePostSearch(fixture.Database).Explain(Cases[filter].Query with { Limit = 100, Offset = 1_000 });

        var page = plan.TakeWhile(line => line != "count:").ToList();
        var count = plan.SkipWhile(line => line != "count:").ToList();
        // the page's posts are chosen inside the co-routine from the index alone, already in order (no sort of the matches)
        var coroutine = page.Single(line => line.Trim() == "CO-ROUTINE page");
        var depth = coroutine.Length - coroutine.TrimStart().Length;
        var chosen = page.SkipWhile(line => line != coroutine).Skip(1).TakeWhile(line => line.Length - line.TrimStart().Length > depth).ToList();
        Assert.Equal([walk], chosen.Select(line => line.Trim()));
        Assert.Contains(count, line => line.Contains("COVERING INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(count, line => line.Trim().StartsWith("SCAN p", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal));
    }

    private List<string> Expected(string where) => fixture
        .Rows($"SELECT p.key, p.published_at FROM posts p JOIN classifications c ON c.post_key = p.key WHERE {where}", r => (Key: r.GetString(0), At: r.GetString(1)))
        .OrderByDescending(r => r.At, StringComparer.Ordinal)
        .ThenBy(r => r.Key, StringComparer.Ordinal)
        .Select(r => r.Key)
        .ToList();

    private static string Words(string text) =>
        $"p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH '{SqlitePostSearch.MatchExpression(text)!.Replace("'", "''", StringComparison.Ordinal)}')";

    private static string Db(DateTimeOffset value) => Mcu.Monitor.Storage.SqliteDatabase.ToDb(value);
}
