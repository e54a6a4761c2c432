using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources.Telegram;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static Mcu.Monitor.Tests.Sources.Telegram.TelegramTestData;

namespace Mcu.Monitor.Tests.Sources.Telegram;

/// <summary>PLATFORM-APIS.md §4 case 32 (pagination) and the politeness rule, against a loopback t.me.</summary>
public class TelegramWebChannelSourceTests
{
    private readonly CollectingOperatorAlerts _alerts = new();
    private readonly CollectingLogger _logger = new();

    /// <summary>Three pages of the fixtures: newest first, linked by <c>link rel=prev</c>; page 2 repeats id 24.</summary>
    public static Dictionary<string, string> ThreePages() => new(StringComparer.Ordinal)
    {
        [""] = Page(24, Fragment("message.text.edited-with-link.html"), Fragment("message.text.link-preview.html")),
        ["?before=24"] = Page(10, Fragment("message.location.no-text.html"), Fragment("message.text.edited-with-link.html")),
        ["?before=10"] = Page(null, Fragment("message.service.channel-created.html")),
    };

    [Fact]
    public async Task ReadAsync_FirstReadOfThreePages_FollowsBeforeAndYieldsOldestFirstWithoutDuplicates()
    {
        await using var server = Site(ThreePages());

        var items = await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions { InitialPages = 5, DelayBetweenPages = TimeSpan.Zero }), null);

        Assert.Equal(["", "?before=24", "?before=10"], server.Requests.Select(r => r.Query));
        Assert.All(server.Requests, r => Assert.Equal("/s/tchantest", r.Path));
        Assert.Equal(["1", "10", "24", "94"], items.Select(i => i.Cursor));
        Assert.Null(items[0].Post); // the service message moves the cursor but is not a post
        var posts = items.Where(i => i.Post is not null).Select(i => i.Post!).ToList();
        Assert.Equal(["telegram:tchantest:10", "telegram:tchantest:24", "telegram:tchantest:94"], posts.Select(p => p.Key.ToString()));
        var edited = posts[1];
        Assert.Equal("telegram:web:tchantest", edited.SourceId);
        Assert.Equal("test-mun", edited.Municipality);
        Assert.Equal("https://t.me/tchantest/24", edited.Url);
        Assert.Equal(2, edited.Engagement.Views);
        Assert.Equal("This is a message with a link\nhttps://brasil.io/", edited.Text);
        Assert.Equal(["location"], posts[0].Attachments);
        Assert.Equal("", posts[0].Text);
    }

    [Fact]
    public async Task ReadAsync_FirstRead_TakesOnlyInitialPages()
    {
        await using var server = Site(ThreePages());

        var items = await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions { InitialPages = 1, DelayBetweenPages = TimeSpan.Zero }), null);

        Assert.Single(server.Requests);
        Assert.Equal(["24", "94"], items.Select(i => i.Cursor));
    }

    [Theory]
    [InlineData("24", 1, new[] { "94" })]
    [InlineData("10", 2, new[] { "24", "94" })]
    [InlineData("94", 1, new string[0])]
    public async Task ReadAsync_WithACursor_StopsAtTheLastSeenMessage(string cursor, int requests, string[] expected)
    {
        await using var server = Site(ThreePages());

        var items = await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions { MaxPagesPerPoll = 5, DelayBetweenPages = TimeSpan.Zero }), cursor);

        Assert.Equal(requests, server.Requests.Count);
        Assert.Equal(expected, items.Select(i => i.Cursor));
    }

    [Fact]
    public async Task ReadAsync_MaxPagesReachedBeforeTheCursor_YieldsNothingAndKeepsTheCursorWithTheResumePoint()
    {
        await using var server = Site(ThreePages());

        var items = await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions { MaxPagesPerPoll = 1, DelayBetweenPages = TimeSpan.Zero }), "5");

        Assert.Single(server.Requests);
        var item = Assert.Single(items);
        Assert.Null(item.Post);
        Assert.Equal("""{"last":5,"before":[24]}""", item.Cursor);
        Assert.Contains(_logger.Lines, l => l.EventId == 2323);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task ReadAsync_BacklogDeeperThanMaxPagesPerPoll_NoGapAcrossPollsOldestFirst(int maxPages)
    {
        // Ids 1..20, three per page; the last seen message is 5; two more posts arrive while the backlog is walked.
        var channel = new GrowingChannel(Enumerable.Range(1, 20), pageSize: 3);
        await using var server = new LoopbackHttpServer(channel.Serve);
        var options = new TelegramOptions { MaxPagesPerPoll = maxPages, DelayBetweenPages = TimeSpan.Zero };
        var cursor = "5";
        var yielded = new List<long>();
        for (var poll = 1; poll <= 40; poll++)
        {
            if (poll == 3)
            {
                channel.Post(21, 22);
            }

            var items = await TelegramBotUpdateSourceTests.ReadAll(Source(server, options), cursor);
            yielded.AddRange(items.Where(i => i.Post is not null).Select(i => long.Parse(i.Post!.Key.Item, System.Globalization.CultureInfo.InvariantCulture)));
            foreach (var item in items)
            {
                // The pipeline commits each item's cursor: it must never stand above a message not yet yielded.
                var (last, _) = TelegramWebChannelSource.ParseCursor(item.Cursor);
                var firstMissing = channel.Ids.Where(id => id > 5 && !yielded.Contains(id)).DefaultIfEmpty(long.MaxValue).Min();
                Assert.True(last < firstMissing, $"poll {poll}: cursor {item.Cursor} passes unyielded message {firstMissing}");
            }

            if (items.Count > 0)
            {
                cursor = items[^1].Cursor;
            }

            if (cursor == "22" && items.Count == 0)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(6, 17).Select(i => (long)i), yielded); // each once, oldest first, none lost
        Assert.Equal("22", cursor);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("abc", null)]
    [InlineData("{", null)]
    [InlineData("""{"before":[9]}""", null)]
    [InlineData("""{"last":"7"}""", null)]
    [InlineData("42", 42L)]
    [InlineData("""{"last":42}""", 42L)]
    [InlineData("""{"last":42,"before":[50,"x",43,60]}""", 42L)]
    public void ParseCursor_PlainIdOrResumeObject_AnythingElseReadsFromTheNewestPage(string? cursor, long? last)
    {
        var (parsedLast, before) = TelegramWebChannelSource.ParseCursor(cursor);

        Assert.Equal(last, parsedLast);
        if (cursor?.Contains("50", StringComparison.Ordinal) == true)
        {
            Assert.Equal([50L, 60L], before); // 43 is at most last + 1: nothing can lie between
        }
    }

    /// <summary>A channel served by id: <c>?before=N</c> gives the newest <c>pageSize</c> messages below N.</summary>
    private sealed class GrowingChannel(IEnumerable<int> ids, int pageSize)
    {
        private readonly List<long> _ids = [.. ids.Select(i => (long)i)];
        private readonly Lock _lock = new();

        public IReadOnlyList<long> Ids
        {
            get
            {
                lock (_lock)
                {
                    return [.. _ids];
                }
            }
        }

        public void Post(params long[] ids)
        {
            lock (_lock)
            {
                _ids.AddRange(ids);
            }
        }

        public LoopbackResponse Serve(RecordedRequest request)
        {
            lock (_lock)
            {
                var before = request.Query.StartsWith("?before=", StringComparison.Ordinal)
                    ? long.Parse(request.Query["?before=".Length..], System.Globalization.CultureInfo.InvariantCulture)
                    : long.MaxValue;
                var page = _ids.Where(id => id < before).OrderDescending().Take(pageSize).Order().ToList();
                long? prev = page.Count > 0 && _ids.Any(id => id < page[0]) ? page[0] : null;
                return LoopbackResponse.Html(Page(prev, [.. page.Select(id => SyntheticMessage($"tchantest/{id}", "2026-11-20T05:15:00+00:00", $"Сообщение {id}", "5"))]));
            }
        }
    }

    [Fact]
    public async Task ReadAsync_FirstPageWithoutMessages_StopsAndRaisesAnOperatorAlert()
    {
        await using var server = Site(new Dictionary<string, string> { [""] = "<html><head><title>Telegram: Contact @tchantest</title></head><body></body></html>" });

        var items = await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions { InitialPages = 3, DelayBetweenPages = TimeSpan.Zero }), null);

        Assert.Empty(items);
        Assert.Single(server.Requests);
        var (key, message) = Assert.Single(_alerts.Raised);
        Assert.Equal("telegram:web:tchantest", key);
        Assert.Contains("private, renamed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LaterPageWithoutMessages_StopsWithoutAlert()
    {
        var pages = ThreePages();
        pages["?before=24"] = Page(null);
        await using var server = Site(pages);

        var items = await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions { InitialPages = 3, DelayBetweenPages = TimeSpan.Zero }), null);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(["24", "94"], items.Select(i => i.Cursor));
        Assert.Empty(_alerts.Raised);
        Assert.Contains(_logger.Lines, l => l.EventId == 2322);
    }

    [Fact]
    public async Task ReadAsync_SkippedMessages_LoggedAndTheRestRead()
    {
        var pages = new Dictionary<string, string>
        {
            [""] = Page(null, SyntheticMessage("otherchannel/500", "2026-11-20T05:15:00+00:00", "чужой", "5"), SyntheticMessage("tchantest/501", null, "без времени", "5"), Fragment("message.text.link-preview.html")),
        };
        await using var server = Site(pages);

        var items = await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions { DelayBetweenPages = TimeSpan.Zero }), null);

        Assert.Equal(["94"], items.Select(i => i.Cursor));
        Assert.Equal(2, _logger.Lines.Count(l => l.EventId == 2321));
        Assert.DoesNotContain(_logger.Messages, m => m.Contains("чужой", StringComparison.Ordinal) || m.Contains("без времени", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ConfiguredDelay_WaitsBetweenPagesOnTheInjectedClock()
    {
        await using var server = Site(ThreePages());
        var time = new FakeTimeProvider();
        var source = Source(server, new TelegramOptions { InitialPages = 3, DelayBetweenPages = TimeSpan.FromSeconds(5) }, time);

        var reading = TelegramBotUpdateSourceTests.ReadAll(source, null);
        await WaitUntil(() => server.Requests.Count == 1);
        await Task.Delay(300);
        Assert.Single(server.Requests); // nothing more until five seconds pass on the clock
        while (!reading.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal(4, (await reading).Count);
        Assert.Equal(3, server.Requests.Count);
        // Each page waited at least 5 s of clock time: the clock moved 1 s a step, so 2 pages need ≥ 10 steps.
        Assert.True(time.GetUtcNow() - new FakeTimeProvider().GetUtcNow() >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadAsync_ConfiguredDelay_RealClockGapsBetweenRequests()
    {
        await using var server = Site(ThreePages());
        var delay = TimeSpan.FromMilliseconds(400);

        await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions { InitialPages = 3, DelayBetweenPages = delay }, TimeProvider.System), null);

        var arrived = server.Requests.Select(r => r.ArrivedAtMs).ToArray();
        Assert.Equal(3, arrived.Length);
        Assert.True(arrived[1] - arrived[0] >= 395, $"gap {arrived[1] - arrived[0]} ms");
        Assert.True(arrived[2] - arrived[1] >= 395, $"gap {arrived[2] - arrived[1]} ms");
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(404, false)]
    [InlineData(403, false)]
    public async Task ReadAsync_HttpErrors_TypedException(int status, bool transient)
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Html("<html>error</html>", status));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions()), null));

        Assert.Equal(status, ex.ErrorCode);
        Assert.Equal(transient, ex.IsTransient);
        Assert.Contains(_logger.Lines, l => l.EventId == 2324);
    }

    [Fact]
    public async Task ReadAsync_429WithRetryAfter_TransientWithTheServersDelay_NoRetry()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(429, "text/html", "slow down", new Dictionary<string, string> { ["Retry-After"] = "30" }));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions()), null));

        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ReadAsync_NotHtmlOrUnreachable_TypedException()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"error":"not a page"}"""));
        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions()), null));
        Assert.True(ex.IsTransient);

        var unreachable = new TelegramWebChannelSource(
            "tchantest", new TelegramWebClient(new HttpClient(), new Uri("http://127.0.0.1:1/")), new TelegramOptions(), "test-mun", _alerts, TimeProvider.System, _logger);
        var network = await Assert.ThrowsAsync<TelegramApiException>(() => TelegramBotUpdateSourceTests.ReadAll(unreachable, null));
        Assert.True(network.IsTransient);
        Assert.Null(network.ErrorCode);
    }

    [Fact]
    public async Task ReadAsync_ForwardedPost_RepostOfTheOriginChannelPost()
    {
        var inner = """<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from <a class="tgme_widget_message_forwarded_from_name" href="https://t.me/Belgorod_News/5120"><span dir="auto">Белгород</span></a></div>""";
        await using var server = Site(new Dictionary<string, string> { [""] = Page(null, SyntheticMessage("tchantest/300", "2026-11-20T05:15:00+00:00", "Репост", "7", inner)) });

        var post = Assert.Single(await TelegramBotUpdateSourceTests.ReadAll(Source(server, new TelegramOptions()), null)).Post!;

        Assert.Equal(new PostKey(Network.Telegram, "belgorod_news", "5120"), post.RepostOf);
    }

    internal static LoopbackHttpServer Site(IReadOnlyDictionary<string, string> pagesByQuery) =>
        new(request => pagesByQuery.TryGetValue(request.Query, out var html)
            ? LoopbackResponse.Html(html)
            : LoopbackResponse.Html("<html>not found</html>", 404));

    private TelegramWebChannelSource Source(LoopbackHttpServer server, TelegramOptions options, TimeProvider? time = null) =>
        new("tchantest", new TelegramWebClient(new HttpClient(), server.BaseAddress), options, "test-mun", _alerts, time ?? TimeProvider.System, _logger);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("condition not met in 10 s");
            }

            await Task.Delay(10);
        }
    }
}
