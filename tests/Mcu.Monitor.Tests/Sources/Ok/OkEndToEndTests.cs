using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources.Ok;

/// <summary>The OK source through the real pipeline into SQLite, cursor and all.</summary>
public class OkEndToEndTests
{
    private const string Gid = OkTestContext.Group;

    [Fact]
    public async Task Pipeline_OkGroup_StoresTopicsAndCommentsAndSecondPollStoresNothing()
    {
        var now = TimeProvider.System.GetUtcNow();
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "7001", now.AddHours(-3), FakeOkServer.TextBlock("Третий день нет горячей воды на ул. Слободской, управляющая компания не отвечает. Сколько можно?"));
        server.AddTopic(Gid, "7002", now.AddHours(-2), """{"type":"photo","list":[{"id":"1"}]}""");
        server.AddComment("7001", FakeOkServer.Comment("m1", now.AddHours(-1), "у нас на Мостовой то же самое, воды нет"));
        server.AddComment("7001", FakeOkServer.Comment("m2", now.AddMinutes(-30), "удалено", ""","deleted":true"""));
        server.AddComment("7002", FakeOkServer.Comment("m3", now.AddMinutes(-20), "красиво 😍"));
        using var context = new OkTestContext(server.BaseAddress);
        using var store = new TestStore();
        var pipeline = TestPipeline.Create(store.Store);
        var source = context.Source();

        var first = await pipeline.RunAsync(source.Id, source.ReadAsync(store.Store.ReadCursor(source.Id), CancellationToken.None), CancellationToken.None);

        Assert.Equal(4, first.Stored);
        Assert.Equal(2, store.Count("SELECT COUNT(*) FROM posts WHERE network = 'ok' AND kind = 'post'"));
        Assert.Equal(1, store.Count($"SELECT COUNT(*) FROM posts WHERE key = 'ok:{Gid}:m1' AND parent_key = 'ok:{Gid}:7001' AND source_id = 'ok:group:{Gid}'"));
        Assert.Equal(0, store.Count($"SELECT COUNT(*) FROM posts WHERE key = 'ok:{Gid}:m2'"));
        Assert.True(first.IncidentsOpened >= 1);
        Assert.NotNull(store.Store.ReadCursor(source.Id));

        var again = context.Source();
        var second = await pipeline.RunAsync(again.Id, again.ReadAsync(store.Store.ReadCursor(again.Id), CancellationToken.None), CancellationToken.None);

        Assert.Equal(0, second.Read);
        Assert.Equal(0, second.Stored);
        Assert.Equal(0, second.IncidentsOpened);
        Assert.Equal(4, store.Count("SELECT COUNT(*) FROM posts"));
    }
}
