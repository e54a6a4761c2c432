using System.Runtime.CompilerServices;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Observability;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Pipeline;

public class IngestPipelineTests
{
    private static readonly Post[] Posts =
    [
        TestPosts.Post("1", "Третий день нет горячей воды на ул. Слободской, управляющая компания не отвечает. Сколько можно?"),
        TestPosts.Post("2", "у нас на Мостовой тоже самое, воды нет", PostKind.Comment, parentId: "1"),
        TestPosts.Post("3", "Продам гараж недорого, звоните"),
        TestPosts.Post("4", "В Иловке огромная яма на дороге, машины бьют колёса. Когда отремонтируют?"),
        TestPosts.Post("5", "😀😀😀"),
        TestPosts.Post("6", ""),
    ];

    [Fact]
    public async Task RunAsync_Posts_StoresAllClassifiesAndOpensIncidentsForAppeals()
    {
        using var store = new TestStore();
        var summary = await TestPipeline.Create(store.Store).RunAsync("file:test", TestPipeline.Items(Posts), CancellationToken.None);

        Assert.Equal(6, summary.Read);
        Assert.Equal(6, summary.Stored);
        Assert.Equal(2, summary.IncidentsOpened); // the two complaints; the comment «тоже самое» joins the first one's incident
        Assert.Equal(1, summary.Merged);
        Assert.Equal(summary.IncidentsOpened, summary.AlertsQueued);
        Assert.Equal(3, store.Count("SELECT COUNT(*) FROM classifications WHERE is_appeal = 1"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM incidents WHERE sector = 'roads' AND locality_id = 'ilovka' AND recipient_id = 'ta-ilovka'"));
        Assert.Equal("60:6", store.Store.ReadCursor("file:test"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM posts WHERE key = 'vk:-1:2' AND parent_key = 'vk:-1:1'"));
    }

    [Fact]
    public async Task RunAsync_SamePostsAgain_StoresNothingAndOpensNothing()
    {
        using var store = new TestStore();
        var pipeline = TestPipeline.Create(store.Store);
        await pipeline.RunAsync("file:test", TestPipeline.Items(Posts), CancellationToken.None);

        var second = await pipeline.RunAsync("file:test", TestPipeline.Items(Posts), CancellationToken.None);

        Assert.Equal(6, second.Read);
        Assert.Equal(0, second.Stored);
        Assert.Equal(6, second.Duplicates);
        Assert.Equal(0, second.IncidentsOpened);
        Assert.Equal(0, second.AlertsQueued);
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM alert_outbox"));
    }

    [Fact]
    public async Task RunAsync_DuplicateKeyInOneRead_StoredOnce()
    {
        using var store = new TestStore();
        var summary = await TestPipeline.Create(store.Store).RunAsync("file:test", TestPipeline.Items([Posts[0], Posts[0], Posts[0]]), CancellationToken.None);

        Assert.Equal(1, summary.Stored);
        Assert.Equal(2, summary.Duplicates);
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM incidents"));
    }

    [Fact]
    public async Task RunAsync_CommentWhoseParentWasStoredEarlier_TakesParentSector()
    {
        using var store = new TestStore();
        var pipeline = TestPipeline.Create(store.Store);
        await pipeline.RunAsync("file:test", TestPipeline.Items([Posts[3]]), CancellationToken.None);

        var comment = TestPosts.Post("7", "она там с лета, никто не приезжал", PostKind.Comment, parentId: "4");
        await pipeline.RunAsync("file:test", TestPipeline.Items([comment]), CancellationToken.None);

        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM classifications WHERE post_key = 'vk:-1:7' AND sector = 'roads' AND reasons LIKE '%родительскому%'"));
    }

    [Fact]
    public async Task RunAsync_SkippedRecordOnly_StillAdvancesCursor()
    {
        using var store = new TestStore();
        var summary = await TestPipeline.Create(store.Store).RunAsync("file:test", Single(new SourceItem(null, "77:1")), CancellationToken.None);

        Assert.Equal(1, summary.Skipped);
        Assert.Equal("77:1", store.Store.ReadCursor("file:test"));
    }

    [Fact]
    public async Task RunAsync_StoreFails_FailureSurfacesAndNothingHangs()
    {
        var pipeline = TestPipeline.Create(new FailingStore(), new PipelineOptions { ChannelCapacity = 2, BatchSize = 2 });
        var many = Enumerable.Range(1, 1000).Select(i => TestPosts.Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var run = pipeline.RunAsync("file:test", TestPipeline.Items(many), CancellationToken.None);
        var error = await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("disk full", error.Message);
    }

    [Fact]
    public async Task RunAsync_SlowStore_ReaderWaitsInsteadOfRunningAhead()
    {
        const int capacity = 5;
        const int batch = 4;
        var store = new SlowStore();
        var pipeline = TestPipeline.Create(store, new PipelineOptions { ChannelCapacity = capacity, BatchSize = batch, BatchDelay = TimeSpan.FromMilliseconds(5) });
        var produced = 0;
        var maxAhead = 0;

        async IAsyncEnumerable<SourceItem> Source([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 1; i <= 200; i++)
            {
                produced++;
                maxAhead = Math.Max(maxAhead, produced - store.Committed);
                yield return new SourceItem(TestPosts.Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{i}:{i}");
                await Task.Yield();
            }
        }

        var summary = await pipeline.RunAsync("file:test", Source(), CancellationToken.None);

        Assert.Equal(200, store.Committed);
        Assert.Equal(200, summary.Read);
        // two channels, one batch being assembled, one item in each running stage
        Assert.InRange(maxAhead, 1, (2 * capacity) + batch + 3);
    }

    [Fact]
    public async Task RunAsync_WithMetrics_CountsReadAndStoredPerSourceAndTimesEachClassification()
    {
        using var store = new TestStore();
        var time = new FakeTimeProvider(TestPosts.Published.AddHours(1));
        var metrics = new MonitorMetrics();
        // Each classification takes 3 ms of the test clock, so every one must land in the 5 ms bucket and none below.
        var classifier = new ClockedClassifier(new LexiconClassifier(TestConfiguration.Classification()), time, TimeSpan.FromMilliseconds(3));
        var pipeline = TestPipeline.Create(store.Store, time: time, metrics: metrics, classifier: classifier);

        await pipeline.RunAsync("file:test", TestPipeline.Items(Posts), CancellationToken.None);
        await pipeline.RunAsync("file:test", TestPipeline.Items(Posts), CancellationToken.None); // duplicates: read, not classified
        await pipeline.RunAsync("file:other", TestPipeline.Items([Posts[2]]), CancellationToken.None);

        var text = metrics.Render();
        Assert.Equal(12, PrometheusExposition.Value(text, "mcu_posts_read_total{source=\"file:test\"}"));
        Assert.Equal(6, PrometheusExposition.Value(text, "mcu_posts_stored_total{source=\"file:test\"}"));
        Assert.Equal(1, PrometheusExposition.Value(text, "mcu_posts_read_total{source=\"file:other\"}"));
        Assert.Equal(0, PrometheusExposition.Value(text, "mcu_posts_stored_total{source=\"file:other\"}")); // already stored from file:test
        Assert.Equal(6, classifier.Calls);
        Assert.Equal(6, PrometheusExposition.Value(text, "mcu_classification_seconds_count"));
        Assert.Equal(0, PrometheusExposition.Value(text, "mcu_classification_seconds_bucket{le=\"0.0025\"}"));
        Assert.Equal(6, PrometheusExposition.Value(text, "mcu_classification_seconds_bucket{le=\"0.005\"}"));
        Assert.Equal(0.018, PrometheusExposition.Value(text, "mcu_classification_seconds_sum")!.Value, 9);
    }

    private static async IAsyncEnumerable<SourceItem> Single(SourceItem item)
    {
        await Task.Yield();
        yield return item;
    }

    /// <summary>Classifies with the real classifier and moves the test clock on while doing it.</summary>
    private sealed class ClockedClassifier(IPostClassifier inner, FakeTimeProvider time, TimeSpan takes) : IPostClassifier
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ClassificationResult Classify(string text, Engagement engagement, ParentContext? parent = null)
        {
            Interlocked.Increment(ref _calls);
            time.Advance(takes);
            return inner.Classify(text, engagement, parent);
        }
    }

    private sealed class FailingStore : IPostStore
    {
        public string? StoredContentHash(string postKey) => null;

        public ParentContext? FindParent(string postKey) => null;

        public string? ReadCursor(string sourceId) => null;

        public Task<CommitResult> CommitAsync(string sourceId, IReadOnlyList<ProcessedPost> posts, string? cursor, CancellationToken cancellationToken) =>
            throw new IOException("disk full");
    }

    private sealed class SlowStore : IPostStore
    {
        private int _committed;

        public int Committed => Volatile.Read(ref _committed);

        public string? StoredContentHash(string postKey) => null;

        public ParentContext? FindParent(string postKey) => null;

        public string? ReadCursor(string sourceId) => null;

        public async Task<CommitResult> CommitAsync(string sourceId, IReadOnlyList<ProcessedPost> posts, string? cursor, CancellationToken cancellationToken)
        {
            await Task.Delay(10, cancellationToken);
            Interlocked.Add(ref _committed, posts.Count);
            return new CommitResult(posts.Count, 0, new Dictionary<string, int>(), 0, 0);
        }
    }
}
