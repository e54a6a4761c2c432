using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Storage;

public class SqliteIndexOutboxTests
{
    private static readonly DateTimeOffset Later = TimeProvider.System.GetUtcNow().AddMinutes(1);

    [Fact]
    public async Task Commit_NewPostsAndIncident_QueueOneRowEachAndDocumentsCarryNamesAndVersions()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: true), TestPosts.Processed("2", appeal: false, sector: "roads")], null, CancellationToken.None);
        var outbox = Outbox(store);

        var due = outbox.LoadDue(Later, 100);

        Assert.Equal(["incident", "post", "post"], due.Select(d => d.DocType).Order().ToList());
        var posts = outbox.ReadPosts(["vk:-1:1", "vk:-1:2"]);
        var first = posts.Single(p => p.Id == "vk:-1:1");
        Assert.Equal("Жилищно-коммунальное хозяйство", first.SectorName);
        Assert.Equal("zhkh", first.RecipientId);
        Assert.Equal("Управление ЖКХ администрации округа", first.RecipientName);
        Assert.NotNull(first.IncidentId);
        Assert.Equal(due.Single(d => d.DocId == "vk:-1:1").Id, first.Version);
        var incident = Assert.Single(outbox.ReadIncidents([first.IncidentId!.Value]));
        Assert.Equal("vk:-1:1", incident.PostId);
        Assert.Equal(1, incident.Posts);
    }

    [Fact]
    public async Task MarkIndexedRetryDead_MoveRowsOutOfTheDueList()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [.. Enumerable.Range(1, 3).Select(i => TestPosts.Processed($"{i}", appeal: false))], null, CancellationToken.None);
        var outbox = Outbox(store);
        var due = outbox.LoadDue(Later, 100);

        outbox.MarkIndexed([due[0].Id], Later);
        outbox.MarkRetry([due[1].Id], "429", Later.AddMinutes(5));
        outbox.MarkDead([due[2].Id], "mapper_parsing_exception", Later);

        Assert.Empty(outbox.LoadDue(Later, 100));
        Assert.Equal(due[1].Id, Assert.Single(outbox.LoadDue(Later.AddMinutes(5), 100)).Id);
        Assert.Equal((1L, 1L), outbox.Counts());
    }

    [Fact]
    public async Task ReadAllPosts_PagesThroughEverything()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [.. Enumerable.Range(1, 25).Select(i => TestPosts.Processed($"{i}", appeal: false))], null, CancellationToken.None);
        var all = Outbox(store).ReadAllPosts(pageSize: 7).ToList();
        Assert.Equal(25, all.Count);
        Assert.Equal(25, all.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Migration2_OnAVersion1DatabaseWithPosts_QueuesThemAndIndexesTheirText()
    {
        using var directory = new TempDirectory();
        var path = directory.File("v1.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SchemaMigrations.Apply(connection, 1);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO posts (key, municipality, network, source_id, kind, published_at, text, content_hash, stored_at)
                VALUES ('vk:-1:1', 'm', 'vk', 'file:x', 'post', '2026-11-20T06:00:00.000Z', 'Нет горячей воды на Слободской', 'h', '2026-11-20T06:00:00.000Z')
                """;
            insert.ExecuteNonQuery();
        }

        var database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = path }));
        database.EnsureCreated();

        using var check = database.Open();
        using var command = check.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM index_outbox WHERE doc_type = 'post' AND doc_id = 'vk:-1:1'";
        Assert.Equal(1L, command.ExecuteScalar());
        command.CommandText = "SELECT COUNT(*) FROM posts_fts WHERE posts_fts MATCH 'слободской'";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    private static SqliteIndexOutbox Outbox(TestStore store) => new(
        store.Database,
        Options.Create(TestConfiguration.Classification()),
        Options.Create(TestConfiguration.Territory()),
        Options.Create(TestConfiguration.Routing()));
}
