using System.Text.Json.Nodes;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.Telegram;
using Mcu.Monitor.Tests.TestSupport;
using static Mcu.Monitor.Tests.Sources.Telegram.TelegramTestData;

namespace Mcu.Monitor.Tests.Sources.Telegram;

/// <summary>A Telegram source through the real pipeline into SQLite, then again from the saved cursor.</summary>
public class TelegramEndToEndTests
{
    private readonly CollectingOperatorAlerts _alerts = new();

    [Fact]
    public async Task BotSource_PollRestartPoll_StoresEachPostOnce()
    {
        using var store = new TestStore();
        await using var api = new FakeTelegramBotApi();
        var complaint = ChatMessage(101, -1001111111111, "supergroup", "alekseevka_chat", "Третий день нет воды на улице Мостовой в Иловке, куда звонить?");
        var reply = ChatMessage(102, -1001111111111, "supergroup", "alekseevka_chat", "У нас тоже нет воды", new JsonObject { ["reply_to_message"] = complaint.DeepClone() });
        api.Add(
            Update("update.channel_post.from-schema.json", 900),
            new JsonObject { ["update_id"] = 901, ["message"] = complaint },
            new JsonObject { ["update_id"] = 902, ["message"] = reply },
            new JsonObject { ["update_id"] = 903, ["some_future_update"] = new JsonObject() });
        var pipeline = TestPipeline.Create(store.Store);

        var first = await Poll(pipeline, store, Bot(api));
        Assert.Equal(3, first.Stored);
        Assert.Equal(3, store.Count("SELECT COUNT(*) FROM posts"));
        Assert.Equal("904", store.Store.ReadCursor(TelegramBotUpdateSource.SourceId));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM posts WHERE parent_key = 'telegram:alekseevka_chat:101'"));

        // Restart: a new client and source resume from the committed offset; Telegram has nothing new.
        var second = await Poll(pipeline, store, Bot(api));
        Assert.Equal(0, second.Stored);
        Assert.Equal(0, second.Read);
        Assert.Equal([null, 904], api.Offsets);

        // An edit of a stored post: same key, new text, so the stored post is updated and its old text kept.
        var edited = Update("update.channel_post.from-schema.json", 904);
        edited["edited_channel_post"] = edited["channel_post"]!.DeepClone();
        edited.Remove("channel_post");
        edited["edited_channel_post"]!["text"] = "Исправлено: график отключения воды перенесён на пятницу";
        api.Add(edited);
        var third = await Poll(pipeline, store, Bot(api));
        Assert.Equal(0, third.Stored);
        Assert.Equal(1, third.Edited);
        Assert.Equal("905", store.Store.ReadCursor(TelegramBotUpdateSource.SourceId));
        Assert.Equal(3, store.Count("SELECT COUNT(*) FROM posts"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM post_versions"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM posts WHERE text LIKE 'Исправлено:%' AND edited_at IS NOT NULL"));
    }

    [Fact]
    public async Task WebSource_SecondPollFromTheSavedCursor_StoresNothingNew()
    {
        using var store = new TestStore();
        await using var server = TelegramWebChannelSourceTests.Site(TelegramWebChannelSourceTests.ThreePages());
        var pipeline = TestPipeline.Create(store.Store);
        var options = new TelegramOptions { InitialPages = 3, DelayBetweenPages = TimeSpan.Zero };

        var first = await Poll(pipeline, store, Web(server, options));
        Assert.Equal(3, first.Stored);
        Assert.Equal(1, first.Skipped); // the service message
        Assert.Equal("94", store.Store.ReadCursor("telegram:web:tchantest"));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM posts WHERE key = 'telegram:tchantest:24'"));

        var second = await Poll(pipeline, store, Web(server, options));
        Assert.Equal(0, second.Stored);
        Assert.Equal(0, second.Read);
        Assert.Equal(3, store.Count("SELECT COUNT(*) FROM posts"));
        Assert.Equal(4, server.Requests.Count); // three pages, then one page that holds the cursor
    }

    private static async Task<Mcu.Monitor.Pipeline.IngestSummary> Poll(Mcu.Monitor.Pipeline.IngestPipeline pipeline, TestStore store, IPostSource source) =>
        await pipeline.RunAsync(source.Id, source.ReadAsync(store.Store.ReadCursor(source.Id), CancellationToken.None), CancellationToken.None);

    private TelegramBotUpdateSource Bot(FakeTelegramBotApi api) => new(api.Client(), "test-mun", _alerts, new CollectingLogger(), FakeTelegramBotApi.Token);

    private TelegramWebChannelSource Web(LoopbackHttpServer server, TelegramOptions options) =>
        new("tchantest", new TelegramWebClient(new HttpClient(), server.BaseAddress), options, "test-mun", _alerts, TimeProvider.System, new CollectingLogger());
}
