using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Pipeline;

/// <summary>An edit updates the stored post and keeps its text history instead of creating a new post (issue #3, item 5).</summary>
public class IngestPipelineEditTests
{
    [Fact]
    public async Task RunAsync_SameKeyNewText_UpdatesPostKeepsHistoryReclassifiesAndOpensNoSecondIncident()
    {
        using var store = new TestStore();
        var pipeline = TestPipeline.Create(store.Store);
        var original = TestPosts.Post("1", "Третий день нет горячей воды, управляющая компания молчит. Сколько можно?");
        await pipeline.RunAsync("file:test", TestPipeline.Items([original]), CancellationToken.None);

        var edited = original with { Text = "Третий день нет горячей воды и отопления, управляющая компания молчит! Дети мёрзнут, пишем в прокуратуру" };
        var summary = await pipeline.RunAsync("file:test", TestPipeline.Items([edited]), CancellationToken.None);

        Assert.Equal((0, 1, 0), (summary.Stored, summary.Edited, summary.IncidentsOpened));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM posts"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM posts WHERE text LIKE '%прокуратуру%' AND edited_at IS NOT NULL"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM post_versions WHERE post_key = 'vk:-1:1' AND text LIKE '%Сколько можно?'"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM classifications WHERE post_key = 'vk:-1:1' AND reasons LIKE '%прокуратур%'"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM alert_outbox"));
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM index_outbox WHERE doc_type = 'post' AND doc_id = 'vk:-1:1'")); // re-indexed with a newer version
    }

    [Fact]
    public async Task RunAsync_SameKeySameTextAgain_IsADuplicateNotAnEdit()
    {
        using var store = new TestStore();
        var pipeline = TestPipeline.Create(store.Store);
        var post = TestPosts.Post("1", "Яма на дороге");
        await pipeline.RunAsync("file:test", TestPipeline.Items([post]), CancellationToken.None);

        var again = await pipeline.RunAsync("file:test", TestPipeline.Items([post with { Text = "  Яма на дороге\r\n" }]), CancellationToken.None);

        Assert.Equal((0, 0, 1), (again.Stored, again.Edited, again.Duplicates)); // normalised text is the same
        Assert.Equal(0, store.Count("SELECT COUNT(*) FROM post_versions"));
    }

    [Fact]
    public async Task RunAsync_EditTurnsPostIntoAnAppeal_OpensItsIncidentOnce()
    {
        using var store = new TestStore();
        var pipeline = TestPipeline.Create(store.Store);
        var post = TestPosts.Post("1", "Хорошая погода сегодня");
        await pipeline.RunAsync("file:test", TestPipeline.Items([post]), CancellationToken.None);

        var summary = await pipeline.RunAsync("file:test", TestPipeline.Items([post with { Text = "Мусор не вывозят неделю, контейнеры переполнены. Примите меры!" }]), CancellationToken.None);

        Assert.Equal(1, summary.IncidentsOpened);
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM incidents WHERE sector = 'tko'"));
    }
}
