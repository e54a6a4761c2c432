using System.Diagnostics;
using System.Text.Json.Nodes;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.Telegram;
using Mcu.Monitor.Tests.TestSupport;
using Telegram.Bot;

namespace Mcu.Monitor.Tests.Sources.Telegram;

public class TelegramBotUpdateSourceTests
{
    private readonly CollectingOperatorAlerts _alerts = new();
    private readonly CollectingLogger _logger = new();

    [Fact]
    public async Task ReadAsync_TwoPollsAndARestart_PassesTheCommittedOffsetAndReadsEachUpdateOnce()
    {
        await using var api = new FakeTelegramBotApi();
        api.Add(TelegramTestData.Update("update.channel_post.from-schema.json", 500), TelegramTestData.Update("update.message.text.json", 501));

        var first = await ReadAll(Source(api.Client()), null);
        Assert.Equal(["501", "502"], first.Select(i => i.Cursor));

        api.Add(TelegramTestData.Update("update.message.entities.json", 502));
        var second = await ReadAll(Source(api.Client()), first[^1].Cursor);
        Assert.Equal(["503"], second.Select(i => i.Cursor));
        Assert.Equal("Bold and italics", second[0].Post!.Text);

        // A restart: a new client and source, resuming from the persisted cursor.
        var restarted = await ReadAll(Source(api.Client()), second[^1].Cursor);
        Assert.Empty(restarted);
        Assert.Equal([null, 502, 503], api.Offsets);
        var body = api.Server.Requests.First().Body;
        Assert.Contains("\"allowed_updates\":[\"channel_post\",\"edited_channel_post\",\"message\",\"edited_message\"]", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BurstAboveOneBatch_OneCallOfAHundredPerPollAndTheRestAtTheNextPoll()
    {
        await using var api = new FakeTelegramBotApi();
        api.Add([.. Enumerable.Range(1000, 150).Select(id => TelegramTestData.Update("update.message.text.json", id))]);

        var first = await ReadAll(Source(api.Client()), null);

        Assert.Equal(100, first.Count);
        Assert.Single(api.Server.Requests); // never a second getUpdates: it would confirm uncommitted updates
        Assert.Contains(_logger.Lines, l => l.EventId == 2309);

        var second = await ReadAll(Source(api.Client()), first[^1].Cursor);

        Assert.Equal(50, second.Count);
        Assert.Equal("1150", second[^1].Cursor);
        Assert.Equal([null, 1100], api.Offsets);
    }

    [Fact]
    public async Task ReadAsync_UpdateBelowTheOffset_IgnoredAsDuplicate()
    {
        await using var api = new FakeTelegramBotApi();
        var stale = new JsonObject { ["ok"] = true, ["result"] = new JsonArray(TelegramTestData.Update("update.message.text.json", 40), TelegramTestData.Update("update.message.entities.json", 41)) };
        api.Scripted.Enqueue(LoopbackResponse.Json(stale.ToJsonString()));

        var items = await ReadAll(Source(api.Client()), "41");

        Assert.Equal(["42"], items.Select(i => i.Cursor));
        Assert.Contains(_logger.Lines, l => l.EventId == 2302);
    }

    [Fact]
    public async Task ReadAsync_ChannelPostWithoutFrom_UsesSenderChatAndChannelUsername()
    {
        await using var api = new FakeTelegramBotApi();
        api.Add(TelegramTestData.Update("update.channel_post.from-schema.json", 7));

        var post = Assert.Single(await ReadAll(Source(api.Client()), null)).Post!;

        Assert.Equal(new PostKey(Network.Telegram, "example_channel", "42"), post.Key);
        Assert.Equal("telegram:bot", post.SourceId);
        Assert.Equal("test-mun", post.Municipality);
        Assert.Equal(PostKind.Post, post.Kind);
        Assert.Equal("-1001234567890", post.AuthorId);
        Assert.Equal("Editor", post.AuthorName);
        Assert.Equal("Post text", post.Text);
        Assert.Equal("https://t.me/example_channel/42", post.Url);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), post.PublishedAt);
    }

    [Fact]
    public async Task ReadAsync_ChannelWithoutUsername_OwnerIsTheInt64ChatId()
    {
        await using var api = new FakeTelegramBotApi();
        var message = TelegramTestData.ChatMessage(9, -1009876543210, "channel", null, "Нет света на Мостовой");
        api.Add(new JsonObject { ["update_id"] = 1, ["channel_post"] = message });

        var post = Assert.Single(await ReadAll(Source(api.Client()), null)).Post!;

        Assert.Equal("telegram:-1009876543210:9", post.Key.ToString());
        Assert.Null(post.Url);
        Assert.Equal("Чат", post.AuthorName);
    }

    [Fact]
    public async Task ReadAsync_EditedMessageAndEditedChannelPost_KeepTheKeyOfTheOriginal()
    {
        await using var api = new FakeTelegramBotApi();
        var editedPost = TelegramTestData.Update("update.channel_post.from-schema.json", 12);
        editedPost["edited_channel_post"] = editedPost["channel_post"]!.DeepClone();
        editedPost.Remove("channel_post");
        editedPost["edited_channel_post"]!["text"] = "Post text (edited)";
        editedPost["edited_channel_post"]!["edit_date"] = 1700000100;
        api.Add(
            TelegramTestData.Update("update.message.text.json", 10),
            TelegramTestData.Update("update.edited_message.json", 11),
            TelegramTestData.Update("update.channel_post.from-schema.json", 13),
            Renumber(editedPost, 14));

        var items = await ReadAll(Source(api.Client()), null);

        Assert.Equal(4, items.Count);
        Assert.Equal(items[0].Post!.Key, items[1].Post!.Key);
        Assert.Equal("telegram:1111111:1365", items[1].Post!.Key.ToString());
        Assert.Equal("Edited text", items[1].Post!.Text);
        Assert.Equal(items[2].Post!.Key, items[3].Post!.Key);
        Assert.Equal("Post text (edited)", items[3].Post!.Text);
    }

    [Fact]
    public async Task ReadAsync_MediaOnlyMessage_EmptyTextAndOnePhotoAttachment_CaptionWhenPresent()
    {
        await using var api = new FakeTelegramBotApi();
        var withCaption = TelegramTestData.MessageUpdate("message.photo.json", 2);
        withCaption["message"]!["message_id"] = 1235;
        withCaption["message"]!["caption"] = "Яма на ул. Победы, 5";
        api.Add(TelegramTestData.MessageUpdate("message.photo.json", 1), withCaption);

        var items = await ReadAll(Source(api.Client()), null);

        Assert.Equal("", items[0].Post!.Text);
        Assert.Equal(["photo"], items[0].Post!.Attachments);
        Assert.Equal("Яма на ул. Победы, 5", items[1].Post!.Text);
        Assert.Equal(["photo"], items[1].Post!.Attachments);
    }

    [Fact]
    public async Task ReadAsync_ForwardOriginChannel_RepostOfTheOrigin_LegacyFieldsIgnored()
    {
        await using var api = new FakeTelegramBotApi();
        api.Add(TelegramTestData.MessageUpdate("message.forward_origin.channel.json", 1), TelegramTestData.Update("update.message.forwarded-channel.legacy.json", 2));

        var items = await ReadAll(Source(api.Client()), null);

        // The fixture's origin username "Test username" is not a valid public username: the id is the owner.
        Assert.Equal(new PostKey(Network.Telegram, "7654321", "1004"), items[0].Post!.RepostOf);
        Assert.Equal("test", items[0].Post!.Text);
        // Bot API 7.0 replaced forward_from*; Telegram.Bot 22 reads only forward_origin, the message itself is kept.
        Assert.Null(items[1].Post!.RepostOf);
        Assert.Equal("/start", items[1].Post!.Text);
    }

    [Fact]
    public async Task ReadAsync_GroupReply_IsACommentOfTheRepliedMessage_DiscussionReplyBelongsToTheChannelPost()
    {
        await using var api = new FakeTelegramBotApi();
        var replied = TelegramTestData.ChatMessage(70, -1001111111111, "supergroup", "alekseevka_chat", "Когда починят дорогу?");
        var reply = TelegramTestData.ChatMessage(71, -1001111111111, "supergroup", "alekseevka_chat", "У нас то же самое", new JsonObject { ["reply_to_message"] = replied });
        var automaticForward = TelegramTestData.ChatMessage(80, -1001111111111, "supergroup", "alekseevka_chat", "Пост канала", new JsonObject
        {
            ["is_automatic_forward"] = true,
            ["forward_origin"] = new JsonObject
            {
                ["type"] = "channel",
                ["date"] = 1_764_000_000,
                ["chat"] = new JsonObject { ["id"] = -1002222222222, ["type"] = "channel", ["title"] = "Новости", ["username"] = "Alekseevka_News" },
                ["message_id"] = 300,
            },
        });
        var comment = TelegramTestData.ChatMessage(81, -1001111111111, "supergroup", "alekseevka_chat", "Опять без воды", new JsonObject { ["reply_to_message"] = automaticForward });
        api.Add(new JsonObject { ["update_id"] = 1, ["message"] = reply }, new JsonObject { ["update_id"] = 2, ["message"] = comment });

        var items = await ReadAll(Source(api.Client()), null);

        Assert.Equal(PostKind.Comment, items[0].Post!.Kind);
        Assert.Equal("telegram:alekseevka_chat:70", items[0].Post!.ParentKey.ToString());
        Assert.Equal("https://t.me/alekseevka_chat/71", items[0].Post!.Url);
        Assert.Equal("Ирина К.", items[0].Post!.AuthorName);
        Assert.Equal("telegram:alekseevka_news:300", items[1].Post!.ParentKey.ToString());
    }

    [Fact]
    public async Task ReadAsync_UnknownFieldsAndUpdateTypes_IgnoredAndTheCursorMovesOn()
    {
        await using var api = new FakeTelegramBotApi();
        var withExtra = TelegramTestData.Update("update.message.text.json", 1);
        withExtra["message"]!["brand_new_field"] = new JsonObject { ["x"] = 1 };
        withExtra["message"]!["paid_media"] = new JsonObject { ["type"] = "unknown_kind" };
        var service = new JsonObject { ["update_id"] = 3, ["message"] = TelegramTestData.ChatMessage(5, -1001, "supergroup", null, "x") };
        service["message"]!.AsObject().Remove("text");
        service["message"]!["migrate_to_chat_id"] = -1001234567890;
        api.Add(withExtra, new JsonObject { ["update_id"] = 2, ["some_future_update"] = new JsonObject { ["id"] = 1 } }, service);

        var items = await ReadAll(Source(api.Client()), null);

        Assert.Equal(["2", "3", "4"], items.Select(i => i.Cursor));
        Assert.Equal("/start", items[0].Post!.Text);
        Assert.Null(items[1].Post);
        Assert.Null(items[2].Post);
        Assert.Contains(_logger.Lines, l => l.EventId == 2303);
    }

    [Fact]
    public async Task ReadAsync_429BelowTheThresholdZero_SurfacesAsTransientWithRetryAfter_NoRetry()
    {
        await using var api = new FakeTelegramBotApi();
        api.Scripted.Enqueue(FakeTelegramBotApi.Error("response.429.from-schema.json", 429));
        api.Add(TelegramTestData.Update("update.message.text.json", 1));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => ReadAll(Source(api.Client(retryThreshold: 0)), null));

        Assert.Equal(429, ex.ErrorCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(5), ex.RetryAfter);
        Assert.Single(api.Server.Requests);
        Assert.Empty(_alerts.Raised);
    }

    [Fact]
    public async Task ReadAsync_429WithTheDefaultThreshold_TheLibraryWaitsAndRetries()
    {
        await using var api = new FakeTelegramBotApi();
        // The schema fixture with retry_after 1 instead of 5, so the test waits one second, not five.
        var flood = JsonNode.Parse(TelegramTestData.Read("bot-api/response.429.from-schema.json"))!;
        flood["parameters"]!["retry_after"] = 1;
        api.Scripted.Enqueue(LoopbackResponse.Json(flood.ToJsonString(), 429));
        api.Add(TelegramTestData.Update("update.message.text.json", 1));
        var client = new TelegramBotClient(
            new TelegramBotClientOptions(FakeTelegramBotApi.Token, api.Server.BaseAddress.ToString().TrimEnd('/')), new HttpClient());
        Assert.Equal(60, new TelegramBotClientOptions(FakeTelegramBotApi.Token).RetryThreshold);

        var watch = Stopwatch.StartNew();
        var items = await ReadAll(Source(client), null);

        Assert.Single(items);
        Assert.Equal(2, api.Server.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {watch.Elapsed}");
        var requests = api.Server.Requests.ToArray();
        Assert.True(requests[1].ArrivedAtMs - requests[0].ArrivedAtMs >= 950);
    }

    [Fact]
    public async Task ReadAsync_401_RaisesTheTokenOperatorAlertOnce_NoRetry_NoToken()
    {
        await using var api = new FakeTelegramBotApi();
        api.Scripted.Enqueue(LoopbackResponse.Json("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", 401));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => ReadAll(Source(api.Client(retryThreshold: 60)), null));

        Assert.Equal(401, ex.ErrorCode);
        Assert.False(ex.IsTransient);
        Assert.Single(api.Server.Requests);
        var (key, message) = Assert.Single(_alerts.Raised);
        Assert.Equal("telegram-token", key);
        Assert.Contains("Sources__Telegram__BotToken", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret_token", message, StringComparison.Ordinal);
        Assert.Contains(_logger.Lines, l => l.EventId == 2305);
    }

    [Fact]
    public async Task ReadAsync_400WithMigrateToChatId_TypedNonTransientAndLogged()
    {
        await using var api = new FakeTelegramBotApi();
        api.Scripted.Enqueue(FakeTelegramBotApi.Error("response.error.with-parameters.json", 400));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => ReadAll(Source(api.Client()), null));

        Assert.Equal(400, ex.ErrorCode);
        Assert.False(ex.IsTransient);
        Assert.Equal(1234567890L, ex.MigrateToChatId);
        Assert.Contains(_logger.Lines, l => l.EventId == 2306 && l.Message.Contains("1234567890", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(500, "text/html", "<html><body>Bad Gateway</body></html>", true)]
    [InlineData(502, "application/json", """{"ok":false,"error_code":502,"description":"Bad Gateway"}""", true)]
    [InlineData(200, "application/json", """{"ok":true,"result":[{"update_id":"x"}]}""", true)]
    [InlineData(409, "application/json", """{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"}""", false)]
    public async Task ReadAsync_ServerFailuresAndGarbage_OneTypedException(int status, string contentType, string body, bool transient)
    {
        await using var api = new FakeTelegramBotApi();
        api.Scripted.Enqueue(new LoopbackResponse(status, contentType, body));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => ReadAll(Source(api.Client()), null));

        Assert.Equal(transient, ex.IsTransient);
        Assert.Empty(_alerts.Raised);
    }

    [Fact]
    public async Task ReadAsync_EveryFailure_TheTokenNeverReachesLogsOrExceptions()
    {
        await using var api = new FakeTelegramBotApi();
        api.Scripted.Enqueue(LoopbackResponse.Json("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", 401));
        api.Scripted.Enqueue(FakeTelegramBotApi.Error("response.429.from-schema.json", 429));
        api.Scripted.Enqueue(new LoopbackResponse(500, "text/html", "<html>oops</html>"));
        api.Scripted.Enqueue(FakeTelegramBotApi.Error("response.error.with-parameters.json", 400));
        var failures = new List<Exception>();
        for (var i = 0; i < 4; i++)
        {
            failures.Add(await Assert.ThrowsAsync<TelegramApiException>(() => ReadAll(Source(api.Client()), null)));
        }

        // And a server that is not there at all.
        var unreachable = new TelegramBotClient(new TelegramBotClientOptions(FakeTelegramBotApi.Token, "http://127.0.0.1:1"), new HttpClient());
        failures.Add(await Assert.ThrowsAsync<TelegramApiException>(() => ReadAll(Source(unreachable), null)));

        var secret = FakeTelegramBotApi.Token.Split(':')[1];
        Assert.NotEmpty(_logger.Lines);
        Assert.False(_logger.Contains(secret));
        Assert.All(failures, f => Assert.DoesNotContain(secret, f.ToString(), StringComparison.Ordinal));
        Assert.All(_alerts.Raised, a => Assert.DoesNotContain(secret, a.Message, StringComparison.Ordinal));
    }

    private static JsonObject Renumber(JsonObject update, int id)
    {
        update["update_id"] = id;
        return update;
    }

    private TelegramBotUpdateSource Source(ITelegramBotClient client) =>
        new(client, "test-mun", _alerts, _logger, FakeTelegramBotApi.Token);

    internal static async Task<List<SourceItem>> ReadAll(IPostSource source, string? cursor)
    {
        var items = new List<SourceItem>();
        await foreach (var item in source.ReadAsync(cursor, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }
}
