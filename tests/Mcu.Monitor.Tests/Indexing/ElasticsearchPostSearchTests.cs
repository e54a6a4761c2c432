using Mcu.Monitor.Indexing;
using Mcu.Monitor.Querying;

namespace Mcu.Monitor.Tests.Indexing;

public class ElasticsearchPostSearchTests
{
    [Fact]
    public void BuildRequestBody_TextFiltersAndGroupBy_GivesMatchFiltersAndATermsAggregation()
    {
        var query = new PostQuery
        {
            Text = "нет воды",
            Sector = "zhkh",
            MinRisk = "high",
            Locality = "ilovka",
            Network = "vk",
            Recipient = "zhkh",
            Appeal = true,
            From = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(3)),
            To = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            GroupBy = "locality",
            Limit = 5,
        };

        Assert.Equal(
            """{"track_total_hits":true,"query":{"bool":{"must":[{"match":{"text":{"query":"нет воды","operator":"and"}}}],"filter":[{"term":{"sector":"zhkh"}},{"term":{"locality_id":"ilovka"}},{"term":{"network":"vk"}},{"term":{"recipient_id":"zhkh"}},{"term":{"appeal":true}},{"range":{"published_at":{"gte":"2026-10-31T21:00:00.000Z","lt":"2026-12-01T00:00:00.000Z"}}},{"terms":{"risk_level":["High","Critical"]}}]}},"size":0,"aggs":{"groups":{"terms":{"field":"locality_id","size":5,"order":[{"_count":"desc"},{"_key":"asc"}],"missing":"(нет)"}}}}""",
            ElasticsearchPostSearch.BuildRequestBody(query).Replace("\\u043D\\u0435\\u0442 \\u0432\\u043E\\u0434\\u044B", "нет воды", StringComparison.Ordinal)
                .Replace("(\\u043D\\u0435\\u0442)", "(нет)", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildRequestBody_NoGroup_ListsNewestFirstWithTheFieldsOfAHit()
    {
        var body = ElasticsearchPostSearch.BuildRequestBody(new PostQuery { Limit = 3 });

        Assert.Equal(
            """{"track_total_hits":10000,"query":{"bool":{"must":[],"filter":[]}},"size":3,"sort":[{"published_at":"desc"},{"id":"asc"}],"_source":["id","published_at","network","sector","risk_level","locality_id","appeal","recipient_id","url","text","source","risk_score","incident_id","reasons"]}""",
            body);
    }

    [Fact]
    public void BuildRequestBody_PageWithOffsetAndExactCount_SkipsWithFromAndTracksEveryHit()
    {
        var body = ElasticsearchPostSearch.BuildRequestBody(new PostQuery { Limit = 100, Offset = 200, CountUpTo = null });

        Assert.StartsWith("""{"track_total_hits":true,""", body, StringComparison.Ordinal);
        Assert.Contains(""","from":200,"size":100,""", body, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildRequestBody_NegativeOffset_IsRefusedLikeSqlite() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ElasticsearchPostSearch.BuildRequestBody(new PostQuery { Offset = -1 }));

    [Fact]
    public void ParseResponse_TotalAtTheCap_SaysAtLeastAndReadsTheConsoleFields()
    {
        var result = ElasticsearchPostSearch.ParseResponse(new PostQuery(), """
            {"hits":{"total":{"value":10000,"relation":"gte"},"hits":[{"_id":"vk:-1:7",
              "_source":{"id":"vk:-1:7","published_at":"2026-11-20T06:00:00+00:00","network":"vk","sector":"zhkh","risk_level":"High",
                         "appeal":true,"text":"Нет воды","source":"vk:walls","risk_score":0.61,"incident_id":42,
                         "reasons":["сектор zhkh (2 б.): «вода»","риск High"]}}]}}
            """);

        Assert.Equal((10000L, true), (result.Total, result.TotalIsLowerBound));
        var hit = Assert.Single(result.Posts);
        Assert.Equal(("vk:walls", (string?)null, 0.61, 42L), (hit.SourceId, hit.AuthorName, hit.RiskScore!.Value, hit.IncidentId!.Value));
        Assert.Equal(["сектор zhkh (2 б.): «вода»", "риск High"], System.Text.Json.JsonSerializer.Deserialize<string[]>(hit.Reasons!)!);
        Assert.Contains("«вода»", hit.Reasons, StringComparison.Ordinal); // Cyrillic as it is, as SQLite stores reasons
    }

    [Fact]
    public void BuildRequestBody_GroupByDay_UsesAUtcDailyHistogram()
    {
        var body = ElasticsearchPostSearch.BuildRequestBody(new PostQuery { GroupBy = "day" });

        Assert.Contains(
            """{"groups":{"date_histogram":{"field":"published_at","calendar_interval":"day","time_zone":"UTC","format":"yyyy-MM-dd","min_doc_count":1}}}""",
            body, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildRequestBody_UnknownGroup_IsRefusedLikeSqlite() =>
        Assert.Throws<ArgumentException>(() => ElasticsearchPostSearch.BuildRequestBody(new PostQuery { GroupBy = "author" }));

    [Fact]
    public async Task SearchAsync_GroupByDay_ReadsThePostsAliasAndOrdersBucketsLargestFirst()
    {
        using var h = new IndexingHarness();
        h.Invoker.Respond = _ => ScriptedReply.Json(200, """
            {"took":2,"timed_out":false,"hits":{"total":{"value":9,"relation":"eq"},"hits":[]},
             "aggregations":{"groups":{"buckets":[
               {"key_as_string":"2026-11-18","key":1763424000000,"doc_count":2},
               {"key_as_string":"2026-11-19","key":1763510400000,"doc_count":5},
               {"key_as_string":"2026-11-20","key":1763596800000,"doc_count":2}]}}}
            """);

        var result = await h.Search.SearchAsync(new PostQuery { GroupBy = "day", Limit = 2 }, CancellationToken.None);

        var request = Assert.Single(h.Invoker.Requests);
        Assert.Equal(("POST", "/mcu-posts/_search"), (request.Method, request.Path));
        Assert.Equal(9, result.Total);
        Assert.Equal([new GroupCount("2026-11-19", 5), new GroupCount("2026-11-18", 2)], result.Groups);
        Assert.Equal("elasticsearch", h.Search.Backend);
    }

    [Fact]
    public async Task SearchAsync_GroupByAppealAndMissingLocality_KeysAsSqliteShowsThem()
    {
        using var h = new IndexingHarness();
        h.Invoker.Respond = _ => ScriptedReply.Json(200, """
            {"hits":{"total":{"value":7,"relation":"eq"},"hits":[]},
             "aggregations":{"groups":{"buckets":[{"key":1,"key_as_string":"true","doc_count":4},{"key":0,"key_as_string":"false","doc_count":3}]}}}
            """);

        var result = await h.Search.SearchAsync(new PostQuery { GroupBy = "appeal" }, CancellationToken.None);

        Assert.Equal([new GroupCount("1", 4), new GroupCount("0", 3)], result.Groups);
    }

    [Fact]
    public async Task SearchAsync_Posts_ParsesHitsIntoExcerpts()
    {
        using var h = new IndexingHarness();
        h.Invoker.Respond = _ => ScriptedReply.Json(200, """
            {"hits":{"total":{"value":1,"relation":"eq"},"hits":[{"_index":"mcu-posts-2026.11","_id":"vk:-1:7","_score":null,
              "_source":{"id":"vk:-1:7","published_at":"2026-11-20T06:00:00+00:00","network":"vk","sector":"zhkh","risk_level":"High",
                         "locality_id":null,"appeal":true,"recipient_id":"zhkh","url":"https://vk.com/wall-1_7","text":"Нет горячей воды третий день"},
              "sort":[1763618400000,"vk:-1:7"]}]}}
            """);

        var result = await h.Search.SearchAsync(new PostQuery { Text = "вода" }, CancellationToken.None);

        var hit = Assert.Single(result.Posts);
        Assert.Equal(
            new PostHit("vk:-1:7", new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero), "vk", "zhkh", "High", null, true, "zhkh", "https://vk.com/wall-1_7", "Нет горячей воды третий день"),
            hit);
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public async Task SearchAsync_NothingIndexedYet_AnswersEmpty()
    {
        using var h = new IndexingHarness();
        h.Invoker.Respond = _ => ScriptedReply.Json(404, """{"error":{"type":"index_not_found_exception","reason":"no such index [mcu-posts]"},"status":404}""");

        var result = await h.Search.SearchAsync(new PostQuery(), CancellationToken.None);

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Posts);
    }

    [Fact]
    public async Task SearchAsync_ClusterRefuses_ThrowsOneClearError()
    {
        using var h = new IndexingHarness();
        h.Invoker.Respond = _ => ScriptedReply.Refused();

        var ex = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => h.Search.SearchAsync(new PostQuery(), CancellationToken.None));

        Assert.StartsWith("search in mcu-posts failed: no response", ex.Message, StringComparison.Ordinal);
    }
}
