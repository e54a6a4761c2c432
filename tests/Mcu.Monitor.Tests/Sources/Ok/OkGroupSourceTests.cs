using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources.Ok;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Sources.Ok;

/// <summary>The group source against the fake OK server (PLATFORM-APIS §4 cases 1, 2, 4, 5, 21, 22).</summary>
public class OkGroupSourceTests
{
    private const string Gid = OkTestContext.Group;
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task ReadAsync_TopicsOnThreePagesAndCommentsOnTwo_AllOnceOldestFirstWithAnchors()
    {
        await using var server = new FakeOkServer();
        for (var i = 1; i <= 45; i++)
        {
            server.AddTopic(Gid, $"9{i:D3}", Now.AddMinutes(-100 + i), FakeOkServer.TextBlock($"Тема {i}"));
        }

        for (var i = 1; i <= 150; i++)
        {
            server.AddComment("9045", FakeOkServer.Comment($"c{i:D3}", Now.AddMinutes(-50 + (i / 10.0)), $"Комментарий {i}"));
        }

        using var context = new OkTestContext(server.BaseAddress);

        var items = await OkTestContext.ReadAllAsync(context.Source());

        var topics = items.Where(i => i.Post!.Kind == PostKind.Post).Select(i => i.Post!).ToList();
        var comments = items.Where(i => i.Post!.Kind == PostKind.Comment).Select(i => i.Post!).ToList();
        Assert.Equal(45, topics.Count);
        Assert.Equal(Enumerable.Range(1, 45).Select(i => $"9{i:D3}"), topics.Select(t => t.Key.Item));
        Assert.Equal(150, comments.Count);
        Assert.Equal(150, comments.Select(c => c.Key).Distinct().Count());
        Assert.True(comments.Zip(comments.Skip(1)).All(p => p.First.PublishedAt <= p.Second.PublishedAt));
        Assert.All(items.Take(45), i => Assert.Equal(PostKind.Post, i.Post!.Kind)); // topics before their comments

        var topicCalls = server.Calls("mediatopic.getTopics");
        Assert.Equal(3, topicCalls.Count);
        Assert.False(topicCalls[0].Parameters.ContainsKey("anchor"));
        Assert.Equal("p20", topicCalls[1].Parameters["anchor"]);
        Assert.Equal("p40", topicCalls[2].Parameters["anchor"]);
        var commentCalls = server.Calls("discussions.getComments").Where(c => c.Parameters["discussionId"] == "9045").ToList();
        Assert.Equal(2, commentCalls.Count);
        Assert.Equal("c100", commentCalls[1].Parameters["anchor"]);
    }

    [Fact]
    public async Task ReadAsync_SavedCursor_ReadsOnlyWhatIsNew()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "1001", Now.AddHours(-2), FakeOkServer.TextBlock("Первая"));
        server.AddComment("1001", FakeOkServer.Comment("k1", Now.AddHours(-1), "первый"));
        using var context = new OkTestContext(server.BaseAddress);
        var first = await OkTestContext.ReadAllAsync(context.Source());
        var cursor = first[^1].Cursor;
        var callsAfterFirst = server.Server.Requests.Count;

        var second = await OkTestContext.ReadAllAsync(context.Source(), cursor);

        Assert.Empty(second);
        Assert.Equal(callsAfterFirst + 1, server.Server.Requests.Count); // one topics page; comment count unchanged: no comments call

        server.AddTopic(Gid, "1002", Now.AddMinutes(-5), FakeOkServer.TextBlock("Вторая"));
        server.AddComment("1001", FakeOkServer.Comment("k2", Now.AddMinutes(-4), "второй"));
        var third = await OkTestContext.ReadAllAsync(context.Source(), cursor);

        Assert.Equal(["ok:53038939046008:1002", "ok:53038939046008:k2"], third.Select(i => i.Post!.Key.ToString()));
        Assert.Equal("c1", server.Calls("discussions.getComments").Last(c => c.Parameters["discussionId"] == "1001").Parameters["anchor"]);
    }

    [Fact]
    public async Task ReadAsync_PinnedOldTopicOnPageOne_PagingGoesOnToTheNewTopicsOnPageTwo()
    {
        await using var server = new FakeOkServer();
        var cursorTime = Now.AddHours(-2);
        string Topic(string id, DateTimeOffset created) =>
            $$"""{"id":"{{id}}","created_ms":{{created.ToUnixTimeMilliseconds()}},"media":[{{FakeOkServer.TextBlock("Тема " + id)}}],"discussion_summary":{"comments_count":0""" + "}}";
        server.Enqueue("mediatopic.getTopics", LoopbackResponse.Json(
            $$"""{"media_topics":[{{Topic("50", Now.AddDays(-30))}},{{Topic("104", cursorTime.AddMinutes(4))}},{{Topic("103", cursorTime.AddMinutes(3))}}],"anchor":"p3","has_more":true}"""));
        server.Enqueue("mediatopic.getTopics", LoopbackResponse.Json(
            $$"""{"media_topics":[{{Topic("102", cursorTime.AddMinutes(2))}},{{Topic("101", cursorTime.AddMinutes(1))}},{{Topic("100", cursorTime)}},{{Topic("99", cursorTime.AddMinutes(-1))}}],"anchor":"p7","has_more":true}"""));
        using var context = new OkTestContext(server.BaseAddress);
        var cursor = $$"""{"v":1,"ms":{{cursorTime.ToUnixTimeMilliseconds()}},"id":"100","topics":[]}""";

        var items = await OkTestContext.ReadAllAsync(context.Source(), cursor);

        Assert.Equal(["101", "102", "103", "104"], items.Select(i => i.Post!.Key.Item));
        Assert.Equal(2, server.Calls("mediatopic.getTopics").Count); // page 2 ends with an old topic: no page 3
    }

    [Fact]
    public async Task ReadAsync_CommentDeletedAndAnotherAddedCountUnchanged_FoundOnceTheRereadIntervalPassed()
    {
        await using var server = new FakeOkServer();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        server.AddTopic(Gid, "1001", Now.AddHours(-2), FakeOkServer.TextBlock("Первая"));
        server.AddComment("1001", FakeOkServer.Comment("k1", Now.AddHours(-1), "первый"));
        using var context = new OkTestContext(server.BaseAddress, time: time);
        var cursor = (await OkTestContext.ReadAllAsync(context.Source()))[^1].Cursor;
        server.DeleteComment("1001", "k1");
        server.AddComment("1001", FakeOkServer.Comment("k2", Now.AddMinutes(-4), "второй")); // the count stays 1

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(await OkTestContext.ReadAllAsync(context.Source(), cursor)); // inside the interval: the count decides
        Assert.Single(server.Calls("discussions.getComments"));

        time.Advance(TimeSpan.FromMinutes(2));
        var reread = await OkTestContext.ReadAllAsync(context.Source(), cursor);

        Assert.Equal(["k2"], reread.Select(i => i.Post!.Key.Item));
        Assert.Equal("c1", server.Calls("discussions.getComments")[^1].Parameters["anchor"]); // forward from the saved anchor

        // Nothing new at the next due re-read: one item without a post saves the time, so the poll after it costs no comments call.
        cursor = reread[^1].Cursor;
        time.Advance(TimeSpan.FromMinutes(61));
        var nothingNew = Assert.Single(await OkTestContext.ReadAllAsync(context.Source(), cursor));
        Assert.Null(nothingNew.Post);
        var calls = server.Calls("discussions.getComments").Count;
        Assert.Empty(await OkTestContext.ReadAllAsync(context.Source(), nothingNew.Cursor));
        Assert.Equal(calls, server.Calls("discussions.getComments").Count);
    }

    [Fact]
    public async Task ReadAsync_CommentsFullRereadIntervalZero_EveryPollReadsTheComments()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "1001", Now.AddHours(-2), FakeOkServer.TextBlock("Первая"));
        server.AddComment("1001", FakeOkServer.Comment("k1", Now.AddHours(-1), "первый"));
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?> { ["Sources:Ok:CommentsFullRereadInterval"] = "00:00:00" });
        var cursor = (await OkTestContext.ReadAllAsync(context.Source()))[^1].Cursor;
        server.DeleteComment("1001", "k1");
        server.AddComment("1001", FakeOkServer.Comment("k2", Now.AddMinutes(-4), "второй"));

        var items = await OkTestContext.ReadAllAsync(context.Source(), cursor);

        Assert.Equal(["k2"], items.Select(i => i.Post!.Key.Item));
    }

    [Fact]
    public async Task ReadAsync_Topic_MapsKeyUrlMunicipalityEngagementAndComments()
    {
        await using var server = new FakeOkServer();
        var created = new DateTimeOffset(Now.Year, Now.Month, Now.Day, 0, 0, 0, TimeSpan.Zero).AddHours(-1);
        server.AddTopic(Gid, "155", created, FakeOkServer.TextBlock("Нет воды"));
        server.AddComment("155", """{"id":"MTU1Ojk","author_id":42,"author_name":"Ирина","date":"2026-11-20 12:30:00","text":"и у нас","like_count":"4"}""");
        using var context = new OkTestContext(server.BaseAddress);

        var items = await OkTestContext.ReadAllAsync(context.Source());

        var topic = items[0].Post!;
        Assert.Equal(new PostKey(Network.Ok, Gid, "155"), topic.Key);
        Assert.Equal("test-mun", topic.Municipality);
        Assert.Equal("ok:group:" + Gid, topic.SourceId);
        Assert.Equal($"https://ok.ru/group/{Gid}/topic/155", topic.Url);
        Assert.Equal(created, topic.PublishedAt);
        Assert.Equal(new Engagement(3, 1, 1, 0), topic.Engagement);
        Assert.Equal("group:1", topic.AuthorId);
        var comment = items[1].Post!;
        Assert.Equal(new PostKey(Network.Ok, Gid, "MTU1Ojk"), comment.Key);
        Assert.Equal(PostKind.Comment, comment.Kind);
        Assert.Equal(topic.Key, comment.ParentKey);
        Assert.Equal("42", comment.AuthorId);
        Assert.Equal("Ирина", comment.AuthorName);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), comment.PublishedAt); // Moscow time
        Assert.Equal(4, comment.Engagement.Likes);
    }

    [Fact]
    public async Task ReadAsync_MediaTopic_TextAssembledFromTextBlocksAndOtherBlocksAreAttachments()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "201", Now.AddMinutes(-3),
            FakeOkServer.TextBlock("Третий день нет воды.") + """,{"type":"photo","list":[{"id":"1"}]},""" + FakeOkServer.TextBlock("  Когда дадут?  ") + """,{"type":"link","url":"https://example.org"}""");
        using var context = new OkTestContext(server.BaseAddress);

        var post = Assert.Single(await OkTestContext.ReadAllAsync(context.Source())).Post!;

        Assert.Equal("Третий день нет воды.\nКогда дадут?", post.Text);
        Assert.Equal(["photo", "link"], post.Attachments);
    }

    [Fact]
    public async Task ReadAsync_TopicWithOnlyPhotoBlocks_EmptyTextWithAttachments()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "202", Now.AddMinutes(-3), """{"type":"photo","list":[{"id":"1"}]},{"type":"photo","list":[{"id":"2"}]}""");
        using var context = new OkTestContext(server.BaseAddress);

        var post = Assert.Single(await OkTestContext.ReadAllAsync(context.Source())).Post!;

        Assert.Equal("", post.Text);
        Assert.Equal(["photo", "photo"], post.Attachments);
    }

    [Fact]
    public async Task ReadAsync_DeletedComments_Skipped()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "301", Now.AddMinutes(-30), FakeOkServer.TextBlock("Тема"));
        server.AddComment("301", FakeOkServer.Comment("a1", Now.AddMinutes(-20), "живой"));
        server.AddComment("301", """{"id":"a2","deleted":true,"date":"2026-11-20 12:30:00"}""");
        server.AddComment("301", FakeOkServer.Comment("a3", Now.AddMinutes(-10), "удалён", ""","deleted":true"""));
        server.AddComment("301", FakeOkServer.Comment("a4", Now.AddMinutes(-5), "тоже живой"));
        using var context = new OkTestContext(server.BaseAddress);

        var items = await OkTestContext.ReadAllAsync(context.Source());

        Assert.Equal(["301", "a1", "a4"], items.Select(i => i.Post!.Key.Item));
    }

    [Fact]
    public async Task ReadAsync_UnknownFieldsAndBlockTypes_Ignored()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "401", Now.AddMinutes(-3),
            """{"type":"hologram","payload":{"x":[1,2,{"y":null}]}},""" + """{"type":"text","text":"Яма на дороге","style":{"bold":true},"mentions":[]}""",
            extraJson: ""","is_promo":false,"future_field":{"nested":[1,"two",null]},"capabilities":"abc" """);
        server.AddComment("401", """{"id":"b1","date":"2026-11-20 12:30:00","text":"да","unknown":{"a":1},"attrs":{"flags":"x"},"reply_to_id":null}""");
        using var context = new OkTestContext(server.BaseAddress);

        var items = await OkTestContext.ReadAllAsync(context.Source());

        Assert.Equal("Яма на дороге", items[0].Post!.Text);
        Assert.Equal(["hologram"], items[0].Post!.Attachments);
        Assert.Equal("да", items[1].Post!.Text);
    }

    [Fact]
    public async Task ReadAsync_CyrillicEmojiAndEscapes_DecodedExactly()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "501", Now.AddMinutes(-3), """{"type":"text","text":"\u041d\u0435\u0442 \u0441\u0432\u0435\u0442\u0430 \ud83d\ude21 https:\/\/ok.ru\/x «ёлки»"}""");
        using var context = new OkTestContext(server.BaseAddress);

        var post = Assert.Single(await OkTestContext.ReadAllAsync(context.Source())).Post!;

        Assert.Equal("Нет света 😡 https://ok.ru/x «ёлки»", post.Text);
    }

    [Fact]
    public async Task ReadAsync_RateLimitedThenSuccess_EachItemOnceAfterTheDelay()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "601", Now.AddMinutes(-3), FakeOkServer.TextBlock("Тема"));
        server.AddComment("601", FakeOkServer.Comment("d1", Now.AddMinutes(-2), "комм"));
        server.Enqueue("mediatopic.getTopics", FakeOkServer.Error(8, "FLOOD_BLOCKED"));
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?> { ["Sources:Ok:RetryDelay"] = "00:00:00.250" });

        var items = await OkTestContext.ReadAllAsync(context.Source());

        Assert.Equal(["601", "d1"], items.Select(i => i.Post!.Key.Item));
        var calls = server.Calls("mediatopic.getTopics");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].ArrivedAtMs - calls[0].ArrivedAtMs >= 240, $"retried after {calls[1].ArrivedAtMs - calls[0].ArrivedAtMs} ms"); // 10 ms for timer and clock granularity
        Assert.Empty(context.Alerts.Raised);
    }

    [Fact]
    public async Task ReadAsync_AuthFailure_ThrowsWithoutRetryAndRaisesOperatorAlert()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "701", Now.AddMinutes(-3), FakeOkServer.TextBlock("Тема"));
        server.Enqueue("mediatopic.getTopics", FakeOkServer.Error(102, "PARAM_SESSION_EXPIRED : Session expired"));
        using var context = new OkTestContext(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<OkApiException>(() => OkTestContext.ReadAllAsync(context.Source()));

        Assert.Equal(OkErrorKind.Credentials, ex.Kind);
        Assert.Single(server.Server.Requests);
        Assert.Equal("ok-credentials", Assert.Single(context.Alerts.Raised).Key);
        Assert.Contains(context.Logger.Lines, l => l.EventId == 2202 && l.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task ReadAsync_UnknownGroup_AlertsAndSkipsWhileOtherGroupIsRead()
    {
        await using var server = new FakeOkServer();
        server.AddTopic("222", "801", Now.AddMinutes(-3), FakeOkServer.TextBlock("Тема"));
        using var context = new OkTestContext(server.BaseAddress, groups: ["111", "222"]);

        var missing = await OkTestContext.ReadAllAsync(context.Source("111"));
        var present = await OkTestContext.ReadAllAsync(context.Source("222"));

        Assert.Empty(missing);
        Assert.Equal("801", Assert.Single(present).Post!.Key.Item);
        Assert.Equal("ok-source:111", Assert.Single(context.Alerts.Raised).Key);
        Assert.Single(server.Calls("mediatopic.getTopics"), c => c.Parameters["gid"] == "111"); // not retried
    }

    [Fact]
    public async Task ReadAsync_CommentsOfTopicRefused_TopicKeptOtherTopicsCommentsRead()
    {
        await using var server = new FakeOkServer();
        server.AddTopic(Gid, "901", Now.AddMinutes(-10), FakeOkServer.TextBlock("Первая"));
        server.AddTopic(Gid, "902", Now.AddMinutes(-5), FakeOkServer.TextBlock("Вторая"));
        server.AddComment("901", FakeOkServer.Comment("e1", Now.AddMinutes(-9), "a"));
        server.AddComment("902", FakeOkServer.Comment("e2", Now.AddMinutes(-4), "b"));
        server.Enqueue("discussions.getComments", FakeOkServer.Error(106, "PARAM_ENTITY_ID : Invalid discussion id"));
        using var context = new OkTestContext(server.BaseAddress);

        var items = await OkTestContext.ReadAllAsync(context.Source());

        Assert.Equal(["901", "902", "e2"], items.Select(i => i.Post!.Key.Item));
        Assert.Empty(context.Alerts.Raised);
    }

    [Fact]
    public async Task Sources_ProviderFromConfiguration_OneSourcePerEnabledGroupWithPollInterval()
    {
        await using var server = new FakeOkServer();
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Sources:Ok:Groups:2:Id"] = "333",
            ["Sources:Ok:Groups:2:Enabled"] = "false",
            ["Sources:Ok:PollInterval"] = "00:02:00",
        }, groups: ["111", "222"]);

        var sources = context.Sources();

        Assert.Equal(["ok:group:111", "ok:group:222"], sources.Select(s => s.Id));
        Assert.All(sources, s => Assert.Equal(TimeSpan.FromMinutes(2), s.PollInterval));
    }
}
