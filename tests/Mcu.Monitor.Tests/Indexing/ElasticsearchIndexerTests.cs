using System.Text.Json.Nodes;
using Mcu.Monitor.Indexing;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Tests.Indexing;

public class ElasticsearchIndexerTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly DateTimeOffset October = new(2026, 10, 31, 23, 30, 0, TimeSpan.FromHours(-2)); // 1 November in UTC

    [Fact]
    public async Task RunOnceAsync_PostsInTwoMonthsAndAnIncident_BulkCarriesIdsExternalVersionsAndIndicesFromDates()
    {
        using var h = new IndexingHarness();
        var september = new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero);
        await h.CommitAsync(IndexingHarness.Post("1", November, appeal: true), IndexingHarness.Post("2", september));
        var due = h.Outbox.LoadDue(h.Time.GetUtcNow(), 100);

        var round = await h.Indexer.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new IndexingRound(3, 3, 0, 0), round);
        var bulk = Assert.Single(h.Bulks);
        var lines = bulk.Lines;
        Assert.Equal(6, lines.Count);
        var actions = Enumerable.Range(0, 3).Select(i => JsonNode.Parse(lines[2 * i])!["index"]!).ToList();
        string Row(string type, string id) => due.Single(d => d.DocType == type && d.DocId == id).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                $$"""{"_id":"vk:-1:1","_index":"mcu-posts-2026.11","version":{{Row("post", "vk:-1:1")}},"version_type":"external"}""",
                $$"""{"_id":"vk:-1:2","_index":"mcu-posts-2026.09","version":{{Row("post", "vk:-1:2")}},"version_type":"external"}""",
            ],
            actions.Take(2).Select(a => Canonical(a)).Order(StringComparer.Ordinal).ToList());
        var incidentAction = actions[2];
        Assert.Equal("mcu-incidents-v1", (string)incidentAction["_index"]!);
        Assert.Equal(Row("incident", (string)incidentAction["_id"]!), incidentAction["version"]!.ToJsonString());
        Assert.Equal("external", (string)incidentAction["version_type"]!);

        // documents are snake_case, as the strict mappings name them, and carry no author
        var post = JsonNode.Parse(lines[1])!.AsObject();
        Assert.Equal("vk:-1:1", (string)post["id"]!);
        Assert.Equal("zhkh", (string)post["recipient_id"]!);
        Assert.True(post.ContainsKey("published_at") && post.ContainsKey("risk_level") && post.ContainsKey("model_version"));
        Assert.DoesNotContain(post, p => p.Key.Contains("author", StringComparison.Ordinal) || p.Key.Any(char.IsUpper));
        var incident = JsonNode.Parse(lines[5])!.AsObject();
        Assert.Equal("vk:-1:1", (string)incident["post_id"]!);
        Assert.Equal(1, (int)incident["posts"]!);

        // each month's index is created first with its origination date (end of the month) for ILM
        var creates = h.Invoker.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(["/mcu-posts-2026.11", "/mcu-posts-2026.09"], creates.Select(r => r.Path).ToList());
        Assert.Equal(
            """{"settings":{"index.lifecycle.origination_date":""" + new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() + "}}",
            creates[1].Body);

        Assert.Equal(0, h.Pending);
        Assert.Equal(3, h.Indexer.IndexedCount);
    }

    [Fact]
    public async Task RunOnceAsync_PostPublishedLateInTheDayWestOfUtc_GoesToTheIndexOfItsUtcMonth()
    {
        using var h = new IndexingHarness();
        await h.CommitAsync(IndexingHarness.Post("1", October));

        await h.Indexer.RunOnceAsync(CancellationToken.None);

        Assert.Equal("mcu-posts-2026.11", (string)JsonNode.Parse(h.Bulks.Single().Lines[0])!["index"]!["_index"]!);
    }

    [Fact]
    public async Task RunOnceAsync_MixedItemResults_ConflictDoneMappingErrorDeadRejectedRetriedLater()
    {
        using var h = new IndexingHarness();
        await h.CommitAsync([.. Enumerable.Range(1, 4).Select(i => IndexingHarness.Post($"{i}", November))]);
        h.Cluster.ItemFailure = id => id switch
        {
            "vk:-1:1" => (409, "version_conflict_engine_exception"),
            "vk:-1:2" => (400, "mapper_parsing_exception"),
            "vk:-1:3" => (429, "es_rejected_execution_exception"),
            _ => null,
        };

        var round = await h.Indexer.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new IndexingRound(4, 2, 1, 1), round);
        Assert.Equal((2L, 1L, 1L), (h.Indexer.IndexedCount, h.Indexer.RetriedCount, h.Indexer.DeadCount));
        Assert.Equal((1L, 1L), h.Outbox.Counts());
        var dead = Assert.Single(h.Log.Lines, l => l.EventId == 3001);
        Assert.Equal(LogLevel.Warning, dead.Level);
        Assert.Contains("vk:-1:2", dead.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400 mapper_parsing_exception", dead.Message, StringComparison.Ordinal);
        Assert.False(h.Log.Contains("текст"), "post texts never reach the log");
        Assert.Equal(1, h.Store.Count("SELECT COUNT(*) FROM index_outbox WHERE dead_at IS NOT NULL AND last_error = 'HTTP 400 mapper_parsing_exception'"));

        // the 429 item waits for its backoff, then goes alone
        Assert.Equal(IndexingRound.Empty, await h.Indexer.RunOnceAsync(CancellationToken.None));
        h.Cluster.ItemFailure = _ => null;
        h.Time.Advance(h.Options.RetryDelay);
        Assert.Equal(new IndexingRound(1, 1, 0, 0), await h.Indexer.RunOnceAsync(CancellationToken.None));
        Assert.Equal("vk:-1:3", (string)JsonNode.Parse(h.Bulks[^1].Lines[0])!["index"]!["_id"]!);
        Assert.Single(h.Bulks[^1].Lines.Where((_, i) => i % 2 == 0));
        Assert.Equal((0L, 1L), h.Outbox.Counts());
    }

    [Fact]
    public async Task RunOnceAsync_WholeRequest503_NothingMarkedAndEverythingRetriedWithDoublingBackoff()
    {
        using var h = new IndexingHarness();
        await h.CommitAsync(IndexingHarness.Post("1", November), IndexingHarness.Post("2", November));
        h.Cluster.Outage = ScriptedReply.Json(503, """{"error":{"type":"unavailable_shards_exception","reason":"x"},"status":503}""");

        Assert.Equal(new IndexingRound(2, 0, 2, 0), await h.Indexer.RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, h.Pending);
        Assert.Empty(h.Outbox.LoadDue(h.Time.GetUtcNow().Add(h.Options.RetryDelay).AddTicks(-1), 10));
        Assert.Equal(2, h.Outbox.LoadDue(h.Time.GetUtcNow().Add(h.Options.RetryDelay), 10).Count);

        h.Time.Advance(h.Options.RetryDelay);
        await h.Indexer.RunOnceAsync(CancellationToken.None);
        Assert.Empty(h.Outbox.LoadDue(h.Time.GetUtcNow().Add(2 * h.Options.RetryDelay).AddTicks(-1), 10));
        Assert.Equal(2, h.Outbox.LoadDue(h.Time.GetUtcNow().Add(2 * h.Options.RetryDelay), 10).Count);
        Assert.Equal(2, h.Store.Count("SELECT COUNT(*) FROM index_outbox WHERE attempts = 2 AND last_error LIKE 'HTTP 503%'"));
    }

    [Fact]
    public async Task RunOnceAsync_ConnectionRefused_NothingMarkedIndexedAndRowsDueAfterBackoff()
    {
        using var h = new IndexingHarness();
        await h.CommitAsync(IndexingHarness.Post("1", November, appeal: true));
        h.Cluster.Outage = ScriptedReply.Refused();

        var round = await h.Indexer.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new IndexingRound(2, 0, 2, 0), round);
        Assert.Equal(0, h.Store.Count("SELECT COUNT(*) FROM index_outbox WHERE indexed_at IS NOT NULL OR dead_at IS NOT NULL"));
        Assert.Equal(2, h.Pending);
        Assert.Equal(2, h.Store.Count("SELECT COUNT(*) FROM index_outbox WHERE last_error LIKE 'no response%'"));
        Assert.Contains(h.Log.Lines, l => l.EventId == 3002 && l.Level == LogLevel.Warning);

        h.Cluster.Outage = null;
        h.Time.Advance(h.Options.RetryDelay);
        Assert.Equal(new IndexingRound(2, 2, 0, 0), await h.Indexer.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, h.Pending);
        Assert.Contains(h.Log.Lines, l => l.EventId == 3009);
    }

    [Fact]
    public async Task DrainAsync_OutageOfSeveralRoundsThenRecovery_EveryDocumentArrivesOnceWithItsLatestVersion()
    {
        var options = IndexingHarness.Enabled();
        options.BatchSize = 3;
        using var h = new IndexingHarness(options);
        await h.CommitAsync(IndexingHarness.Post("1", November), IndexingHarness.Post("2", November));
        await h.Indexer.DrainAsync(CancellationToken.None);
        Assert.Equal(2, h.Cluster.Writes.Count);

        // the cluster goes away; posts keep coming, one is reclassified twice; every round fails
        h.Cluster.Outage = ScriptedReply.Refused();
        var pending = new List<long>();
        for (var i = 3; i <= 9; i++)
        {
            await h.CommitAsync(IndexingHarness.Post($"{i}", i % 2 == 0 ? November : October, appeal: i == 5));
            if (i == 4) h.Reclassify("vk:-1:1", "High");
            if (i == 7) h.Reclassify("vk:-1:1", "Critical");
            await h.Indexer.DrainAsync(CancellationToken.None);
            pending.Add(h.Pending);
            h.Time.Advance(TimeSpan.FromSeconds(7));
        }

        Assert.Equal(pending.Order().ToList(), pending); // the outbox only grows
        Assert.Equal(10, pending[^1]); // 7 posts, 1 incident, 2 reclassifications
        Assert.Equal(2, h.Cluster.Writes.Count);

        h.Cluster.Outage = null;
        h.Time.Advance(h.Options.MaxRetryDelay);
        var drained = await h.Indexer.DrainAsync(CancellationToken.None);

        Assert.Equal(0, h.Pending);
        Assert.Equal(0, h.Dead);
        Assert.Equal(10, drained.Indexed);
        var posts = h.Outbox.ReadPosts([.. Enumerable.Range(1, 9).Select(i => $"vk:-1:{i}")]);
        Assert.Equal(9, posts.Count);
        foreach (var post in posts)
        {
            var stored = Assert.Single(h.Cluster.Documents, d => d.Key.Id == post.Id);
            Assert.Equal(post.Version, stored.Value.Version);
            Assert.Equal(IndexNames.PostIndex("mcu-posts", post.PublishedAt), stored.Key.Index);
        }

        // written once since the outage began (post 1 also once before it), the latest classification
        var afterOutage = h.Cluster.Writes.Skip(2).ToList();
        Assert.Equal(afterOutage.Count, afterOutage.Select(w => w.Id).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(3, 7).Select(i => $"vk:-1:{i}").Append("vk:-1:1").Order(StringComparer.Ordinal).ToList(),
            afterOutage.Where(w => w.Index != "mcu-incidents-v1").Select(w => w.Id).Order(StringComparer.Ordinal).ToList());
        Assert.Single(afterOutage, w => w.Index == "mcu-incidents-v1");
        Assert.Equal("Critical", (string)h.Cluster.Documents.Single(d => d.Key.Id == "vk:-1:1").Value.Source["risk_level"]!);
        Assert.Single(h.Cluster.Documents, d => d.Key.Index == "mcu-incidents-v1");
    }

    [Fact]
    public void Backoff_DoublesFromRetryDelayUpToTheCap()
    {
        var o = IndexingHarness.Enabled();
        Assert.Equal(
            [5, 10, 20, 40, 80, 160, 300, 300],
            Enumerable.Range(1, 8).Select(a => ElasticsearchIndexer.Backoff(o, a).TotalSeconds).ToList());
        Assert.Equal(o.MaxRetryDelay, ElasticsearchIndexer.Backoff(o, 500));
    }

    [Theory]
    [InlineData(201, null, BulkOutcome.Indexed)]
    [InlineData(409, "version_conflict_engine_exception", BulkOutcome.AlreadyCurrent)]
    [InlineData(400, "document_parsing_exception", BulkOutcome.Dead)]
    [InlineData(400, "strict_dynamic_mapping_exception", BulkOutcome.Dead)]
    [InlineData(429, "es_rejected_execution_exception", BulkOutcome.Retry)]
    [InlineData(503, "unavailable_shards_exception", BulkOutcome.Retry)]
    [InlineData(403, "security_exception", BulkOutcome.Retry)]
    public void Judge_ItemStatus_GivesTheOutcomeOfTheRetryTable(int status, string? type, BulkOutcome expected) =>
        Assert.Equal(expected, ElasticsearchBulkWriter.Judge(status, type).Outcome);

    private static string Canonical(JsonNode action) =>
        new JsonObject(action.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
}
