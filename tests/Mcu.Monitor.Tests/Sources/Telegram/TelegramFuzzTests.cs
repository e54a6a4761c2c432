using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mcu.Monitor.Sources.Telegram;
using Mcu.Monitor.Tests.TestSupport;
using Telegram.Bot;
using static Mcu.Monitor.Tests.Sources.Telegram.TelegramTestData;

namespace Mcu.Monitor.Tests.Sources.Telegram;

/// <summary>
/// Deterministic, seeded mutations and truncations of the fixtures through both readers: nothing escapes
/// except <see cref="TelegramApiException"/>, nothing crashes, and whatever is parsed is well formed.
/// </summary>
public class TelegramFuzzTests
{
    private const int Cases = 300;

    private static readonly string[] Inserts =
    [
        "<", ">", "\"", "'", "/", "=", "&", ";", "&#", "&nbsp;", "<br/>", "</div>", "<div class=\"tgme_widget_message\" data-post=\"tchantest/",
        "data-post=\"tchantest/0\"", "datetime=\"", "2023-99-99T99:99:99", "K", "M", "\0", "\uFFFD", "😡", "tgme_widget_message_views", "-1", "99999999999999999999",
        "792281625142643375935439504M", "79228162514264337593543950335K",
    ];

    private static readonly string[] JsonInserts =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e309", "99999999999999999999", "\"\\u0000\"", "\"\\ud800\"", "{\"type\":\"weird\"}", "[]",
    ];

    [Fact]
    public void Parse_MutatedPages_NeverThrowsAndYieldsOnlyWellFormedMessages()
    {
        var random = new Random(20261120);
        var seed = Page(10, Fragment("message.location.no-text.html"), Fragment("message.text.edited-with-link.html"), Fragment("message.text.link-preview.html"), Fragment("message.service.channel-created.html"));
        for (var i = 0; i < Cases; i++)
        {
            var html = Mutate(seed, random, Inserts);

            var page = TelegramWebPageParser.Parse(html, "tchantest");

            Assert.All(page.Messages, m =>
            {
                Assert.True(m.Id > 0);
                Assert.Equal("tchantest", m.Channel, ignoreCase: true);
                Assert.Equal(TimeSpan.Zero, m.PublishedAt.Offset);
                Assert.True(m.Views is null or >= 0);
                Assert.NotNull(m.Text);
            });
        }
    }

    [Fact]
    public async Task ReadAsync_WebSourceOnMutatedPages_OnlyTheTypedExceptionEscapes()
    {
        var random = new Random(7);
        var seed = Page(null, Fragment("message.text.edited-with-link.html"), Fragment("message.text.link-preview.html"));
        var statuses = new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.TooManyRequests, HttpStatusCode.NotFound };
        var typed = 0;
        for (var i = 0; i < Cases; i++)
        {
            var status = statuses[random.Next(statuses.Length)];
            var contentType = random.Next(10) == 0 ? "application/octet-stream" : "text/html";
            var body = Mutate(seed, random, Inserts);
            using var http = new HttpClient(new StubHandler(status, contentType, body));
            var source = new TelegramWebChannelSource(
                "tchantest", new TelegramWebClient(http, new Uri("https://t.me/")), new TelegramOptions { DelayBetweenPages = TimeSpan.Zero },
                "test-mun", new CollectingOperatorAlerts(), TimeProvider.System, new CollectingLogger());
            try
            {
                var items = await TelegramBotUpdateSourceTests.ReadAll(source, random.Next(3) == 0 ? "24" : null);
                Assert.All(items, item => Assert.True(long.Parse(item.Cursor, System.Globalization.CultureInfo.InvariantCulture) > 0));
            }
            catch (TelegramApiException)
            {
                typed++;
            }
        }

        Assert.InRange(typed, 1, Cases - 1);
    }

    [Fact]
    public async Task ReadAsync_BotSourceOnMutatedUpdates_OnlyTheTypedExceptionEscapes()
    {
        var random = new Random(42);
        var updates = new JsonArray(
            Update("update.channel_post.from-schema.json", 1),
            Update("update.edited_message.json", 2),
            Update("update.message.entities.json", 3),
            MessageUpdate("message.photo.json", 4),
            MessageUpdate("message.forward_origin.channel.json", 5),
            Update("update.message.forwarded-channel.legacy.json", 6));
        var seed = new JsonObject { ["ok"] = true, ["result"] = updates }.ToJsonString();
        var errors = new[] { Read("bot-api/response.429.from-schema.json"), Read("bot-api/response.error.with-parameters.json") };
        var statuses = new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway };
        var typed = 0;
        var read = 0;
        for (var i = 0; i < Cases; i++)
        {
            var status = statuses[random.Next(statuses.Length)];
            var body = Mutate(status == HttpStatusCode.OK ? seed : errors[random.Next(errors.Length)], random, JsonInserts);
            using var http = new HttpClient(new StubHandler(status, "application/json", body));
            var bot = new TelegramBotClient(new TelegramBotClientOptions(FakeTelegramBotApi.Token, "http://127.0.0.1:9") { RetryThreshold = 0 }, http);
            var logger = new CollectingLogger();
            var source = new TelegramBotUpdateSource(bot, "test-mun", new CollectingOperatorAlerts(), logger, FakeTelegramBotApi.Token);
            try
            {
                var items = await TelegramBotUpdateSourceTests.ReadAll(source, random.Next(3) == 0 ? "3" : null);
                read += items.Count;
                Assert.All(items, item => Assert.True(int.TryParse(item.Cursor, System.Globalization.CultureInfo.InvariantCulture, out _)));
            }
            catch (TelegramApiException ex)
            {
                typed++;
                Assert.DoesNotContain(FakeTelegramBotApi.Token, ex.ToString(), StringComparison.Ordinal);
            }

            Assert.False(logger.Contains(FakeTelegramBotApi.Token));
        }

        Assert.InRange(typed, 1, Cases - 1);
        Assert.True(read > 0);
    }

    /// <summary>One to three edits: truncate, delete a span, insert a token, or duplicate a span.</summary>
    private static string Mutate(string text, Random random, string[] inserts)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && builder.Length > 0; e++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0:
                    builder.Length = at;
                    break;
                case 1:
                    builder.Remove(at, Math.Min(random.Next(1, 40), builder.Length - at));
                    break;
                case 2:
                    builder.Insert(at, inserts[random.Next(inserts.Length)]);
                    break;
                default:
                    var length = Math.Min(random.Next(1, 200), builder.Length - at);
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Answers every request with one fixed response, in memory (hundreds of cases stay fast).</summary>
    private sealed class StubHandler(HttpStatusCode status, string contentType, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });
    }
}
