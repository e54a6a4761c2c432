using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Storage;

public class SqliteRetentionTests
{
    [Fact]
    public async Task EraseExpiredTexts_OldPosts_ErasesPersonalDataKeepsLabelsAndIncidents()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: true)], null, CancellationToken.None);
        var time = new FakeTimeProvider(TestPosts.Published.AddDays(400));
        var retention = new SqliteRetention(
            store.Database,
            Options.Create(new StorageOptions { TextRetention = TimeSpan.FromDays(365) }),
            Options.Create(new MunicipalityOptions { Id = "test-mun" }),
            time,
            NullLogger<SqliteRetention>.Instance);

        Assert.Equal(1, retention.EraseExpiredTexts());
        Assert.Equal(0, retention.EraseExpiredTexts());

        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM posts WHERE text = '' AND author_name IS NULL AND text_erased_at IS NOT NULL"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM classifications"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM incidents"));
    }

    [Fact]
    public async Task EraseExpiredTexts_RecentPosts_Untouched()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: false)], null, CancellationToken.None);
        var retention = new SqliteRetention(
            store.Database,
            Options.Create(new StorageOptions { TextRetention = TimeSpan.FromDays(365) }),
            Options.Create(new MunicipalityOptions { Id = "test-mun" }),
            new FakeTimeProvider(TestPosts.Published.AddDays(30)),
            NullLogger<SqliteRetention>.Instance);

        Assert.Equal(0, retention.EraseExpiredTexts());
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM posts WHERE text <> ''"));
    }
}
