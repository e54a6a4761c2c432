using System.Text.Json.Nodes;
using Mcu.Monitor.Indexing;

namespace Mcu.Monitor.Tests.Indexing;

public class IndexRebuildTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_EveryPostAndIncident_GoThroughTheBulkPathPageByPage_ASecondRunFindsThemCurrent()
    {
        var options = IndexingHarness.Enabled();
        options.BatchSize = 2;
        using var h = new IndexingHarness(options);
        await h.CommitAsync(IndexingHarness.Post("1", November, appeal: true), IndexingHarness.Post("2", November), IndexingHarness.Post("3", November.AddMonths(-1)));

        var first = await h.Rebuild.RunAsync(CancellationToken.None);

        Assert.Equal(new IndexRebuildResult(3, 1, 0, 0, 0), first);
        Assert.Equal(3, h.Bulks.Count); // posts in pages of 2, then the incident
        var versions = h.Outbox.ReadPosts(["vk:-1:1", "vk:-1:2", "vk:-1:3"]).ToDictionary(p => p.Id, p => p.Version);
        foreach (var action in h.Bulks.SelectMany(b => b.Lines.Where((_, i) => i % 2 == 0)).Select(l => JsonNode.Parse(l)!["index"]!))
        {
            Assert.Equal("external", (string)action["version_type"]!);
            if ((string)action["_index"]! != "mcu-incidents-v1")
            {
                Assert.Equal(versions[(string)action["_id"]!], (long)action["version"]!);
            }
        }

        Assert.Equal(4, h.Pending); // the outbox is left to the indexer, whose rows will meet 409 and count as done

        var second = await h.Rebuild.RunAsync(CancellationToken.None);
        Assert.Equal(new IndexRebuildResult(0, 0, 4, 0, 0), second);
        Assert.Equal(new IndexingRound(4, 4, 0, 0), await h.Indexer.DrainAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_ClusterAway_ThrowsAfterItsAttempts()
    {
        var options = IndexingHarness.Enabled();
        options.RetryDelay = TimeSpan.FromMilliseconds(100);
        using var h = new IndexingHarness(options);
        await h.CommitAsync(IndexingHarness.Post("1", November));
        h.Cluster.Outage = ScriptedReply.Refused();

        var rebuild = h.Rebuild.RunAsync(CancellationToken.None);
        for (var i = 0; i < IndexRebuild.MaxAttempts && !rebuild.IsCompleted; i++)
        {
            await Task.Delay(50);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var ex = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => rebuild);
        Assert.StartsWith($"bulk request failed {IndexRebuild.MaxAttempts} times: no response", ex.Message, StringComparison.Ordinal);
    }
}
