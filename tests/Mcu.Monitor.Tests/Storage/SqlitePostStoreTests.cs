using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Storage;

public class SqlitePostStoreTests
{
    [Fact]
    public async Task CommitAsync_NewPosts_StoresPostsClassificationsIncidentsAlertsAndCursor()
    {
        using var store = new TestStore();
        var result = await store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: true), TestPosts.Processed("2", appeal: false)], "100:2", CancellationToken.None);

        Assert.Equal(2, result.PostsStored);
        Assert.Equal(1, result.IncidentsOpened);
        Assert.Equal(1, result.AlertsQueued);
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM posts"));
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM classifications"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM incident_posts"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM incident_events WHERE type = 'opened'"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM alert_outbox WHERE sent_at IS NULL"));
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM posts WHERE municipality = 'test-mun'"));
        Assert.Equal("100:2", store.Store.ReadCursor("file:test"));
    }

    [Fact]
    public async Task CommitAsync_SameBatchReplayed_ChangesNothingButTheCursor()
    {
        using var store = new TestStore();
        var batch = new[] { TestPosts.Processed("1", appeal: true), TestPosts.Processed("2", appeal: true) };
        await store.Store.CommitAsync("file:test", batch, "10:2", CancellationToken.None);

        // a kill after the commit but before the reader saw it: the same batch comes again
        var replay = await store.Store.CommitAsync("file:test", batch, "11:2", CancellationToken.None);

        Assert.Equal(0, replay.PostsStored);
        Assert.Equal(2, replay.Duplicates);
        Assert.Equal(0, replay.IncidentsOpened);
        Assert.Equal(0, replay.AlertsQueued);
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM alert_outbox"));
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM incident_events"));
        Assert.Equal("11:2", store.Store.ReadCursor("file:test"));
    }

    [Fact]
    public async Task CommitAsync_ConstraintViolation_FailsTheWholeBatchInsteadOfCountingADuplicate()
    {
        using var store = new TestStore();
        var good = TestPosts.Processed("1", appeal: true);
        var bad = TestPosts.Processed("2", appeal: true);
        bad = bad with { Post = bad.Post with { Municipality = null! } }; // violates NOT NULL

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            store.Store.CommitAsync("file:test", [good, bad], "20:2", CancellationToken.None));

        Assert.Equal(0, store.Count("SELECT COUNT(*) FROM posts"));
        Assert.Null(store.Store.ReadCursor("file:test"));
    }

    [Fact]
    public async Task CommitAsync_CancelledBeforeCommit_StoresNothing()
    {
        using var store = new TestStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: true)], "5:1", cancelled.Token));

        Assert.Equal(0, store.Count("SELECT COUNT(*) FROM posts"));
        Assert.Null(store.Store.ReadCursor("file:test"));
    }

    [Fact]
    public async Task CommitAsync_CursorOnlyBatch_AdvancesCursor()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [], "42:7", CancellationToken.None);
        await store.Store.CommitAsync("file:test", [], "84:9", CancellationToken.None);
        Assert.Equal("84:9", store.Store.ReadCursor("file:test"));
    }

    [Fact]
    public async Task ContainsAndFindParent_AfterCommit_SeeStoredPost()
    {
        using var store = new TestStore();
        Assert.Null(store.Store.StoredContentHash("vk:-1:1"));
        await store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: true, sector: "roads")], null, CancellationToken.None);

        Assert.Equal("hash", store.Store.StoredContentHash("vk:-1:1"));
        var parent = store.Store.FindParent("vk:-1:1");
        Assert.NotNull(parent);
        Assert.Equal("roads", parent.Sector);
        Assert.True(parent.IsAppeal);
        Assert.Null(store.Store.FindParent("vk:-1:404"));
    }
}
