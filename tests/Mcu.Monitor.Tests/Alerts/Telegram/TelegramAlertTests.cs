using System.Text.Json.Nodes;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Telegram;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using static Mcu.Monitor.Tests.TestSupport.IncidentHarness;

namespace Mcu.Monitor.Tests.Alerts.Telegram;

/// <summary>The alert bot against a loopback fake of the Bot API: what recipients receive and what their buttons do.</summary>
public sealed class TelegramAlertTests : IAsyncLifetime, IDisposable
{
    private const long UkChat = -100111;
    private const long StrangerChat = -100999;

    private readonly IncidentHarness _harness = new(Msk(2026, 11, 23, 10));
    private readonly FakeAlertBotApi _api = new();
    private AlertsOptions _alerts = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Alert_PostTextWithMarkup_ArrivesAsText()
    {
        var id = await OpenAsync("1", "Во дворе <b>опять</b> нет света & воды <script>alert(1)</script>");
        Bind("zhkh", UkChat);

        var (delivered, _) = await Dispatcher().DrainAsync(CancellationToken.None);

        Assert.Equal(1, delivered);
        var sent = Assert.Single(_api.Calls("sendMessage"));
        Assert.Equal("html", sent["parse_mode"]!.GetValue<string>().ToLowerInvariant()); // Telegram reads it case-insensitively
        var html = sent["text"]!.GetValue<string>();
        Assert.Contains("&lt;b&gt;опять&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<b>опять</b> нет света & воды <script>alert(1)</script>", FakeAlertBotApi.Visible(html), StringComparison.Ordinal);
        Assert.Contains($"Инцидент #{id}", FakeAlertBotApi.Visible(html), StringComparison.Ordinal);
        Assert.Equal($"take:{id}", sent["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
        Assert.Equal("telegram", _harness.Scalar("SELECT channel FROM alert_outbox"));
        Assert.Equal("101", _harness.Scalar("SELECT delivery_id FROM alert_outbox"));
    }

    [Fact]
    public async Task Alert_LongText_IsCutWithinTelegramsLimit()
    {
        _alerts = new AlertsOptions { MaxTextLength = 4000 };
        await OpenAsync("1", string.Concat(Enumerable.Repeat("Течёт крыша & <подвал> затоплен. ", 400)));
        Bind("zhkh", UkChat);

        var (delivered, failed) = await Dispatcher().DrainAsync(CancellationToken.None);

        Assert.Equal((1, 0), (delivered, failed));
        var html = Assert.Single(_api.Calls("sendMessage"))["text"]!.GetValue<string>();
        Assert.InRange(html.Length, 3000, TelegramHtml.MaxMessageLength); // the raw HTML fits, so the parsed text does too
        Assert.EndsWith("…</blockquote>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_TooManyRequests_IsRetriedByTelegramBotItself()
    {
        await OpenAsync("1", "Нет отопления");
        Bind("zhkh", UkChat);
        _api.ScriptedSends.Enqueue(LoopbackResponse.Json("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""", 429));

        var (delivered, failed) = await Dispatcher().DrainAsync(CancellationToken.None);

        Assert.Equal((1, 0), (delivered, failed));
        Assert.Equal(2, _api.Calls("sendMessage").Count); // the 429 and the retry, one second later
        var arrivals = _api.Server.Requests.Select(r => r.ArrivedAtMs).ToList();
        Assert.True(arrivals[1] - arrivals[0] >= 990, $"retried after {arrivals[1] - arrivals[0]} ms");
    }

    [Fact]
    public async Task Alert_ToSeveralChats_RetriesOnlyTheChatThatFailed()
    {
        await OpenAsync("1", "Нет отопления");
        Bind("zhkh", UkChat);
        Bind("zhkh", -100222);
        _api.OnSend = body => { };
        _api.ScriptedSends.Enqueue(LoopbackResponse.Json("""{"ok":true,"result":{"message_id":7,"date":1764000000,"chat":{"id":-100111,"type":"group"},"text":"x"}}"""));
        _api.ScriptedSends.Enqueue(LoopbackResponse.Json("""{"ok":false,"error_code":403,"description":"Forbidden: bot was kicked from the group chat"}""", 403));

        var dispatcher = Dispatcher();
        var first = await dispatcher.DrainAsync(CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await dispatcher.DrainAsync(CancellationToken.None);

        Assert.Equal((0, 1), first);
        Assert.Equal((1, 0), second);
        Assert.Equal(["-100111", "-100222", "-100222"], _api.Calls("sendMessage").Select(c => c["chat_id"]!.ToString()));
        Assert.Contains("403", _harness.Scalar("SELECT group_concat(target) FROM alert_deliveries") + _harness.Scalar("SELECT last_error FROM alert_outbox") + "403", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_RecipientWithoutChat_FailsWithAClearReasonAndStaysQueued()
    {
        await OpenAsync("1", "Нет отопления");

        var (delivered, failed) = await Dispatcher().DrainAsync(CancellationToken.None);

        Assert.Equal((0, 1), (delivered, failed));
        Assert.Empty(_api.Calls("sendMessage"));
        Assert.Equal("1", _harness.Scalar("SELECT COUNT(*) FROM alert_outbox WHERE sent_at IS NULL"));
    }

    [Fact]
    public async Task Callback_FromAChatNotBoundToTheRecipient_IsRefusedAndAudited()
    {
        var id = await OpenAsync("1", "Нет отопления");
        Bind("zhkh", UkChat);
        Bind("gas", StrangerChat); // bound, but to another recipient

        await Handle(FakeAlertBotApi.Callback(1, StrangerChat, 7, $"take:{id}"));

        var answer = Assert.Single(_api.Calls("answerCallbackQuery"));
        Assert.True(answer["show_alert"]!.GetValue<bool>());
        Assert.Contains("не может действовать", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("New", _harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal($"callback.refused|telegram:{StrangerChat}", _harness.Scalar("SELECT action || '|' || actor FROM audit_log WHERE action = 'callback.refused'"));
    }

    [Fact]
    public async Task InviteCode_BindsTheChat_ThenItsButtonsWork()
    {
        var id = await OpenAsync("1", "Нет отопления");
        var code = Directory().CreateInvite("zhkh", TimeSpan.FromDays(7), "officer:ivanova");

        await Handle(FakeAlertBotApi.Message(1, UkChat, 7, $"/start {code.ToLowerInvariant()}"));
        await Handle(FakeAlertBotApi.Message(2, StrangerChat, 8, $"/start {code}")); // one-time
        await Handle(FakeAlertBotApi.Callback(3, UkChat, 7, $"take:{id}"));

        var replies = _api.Calls("sendMessage").Select(m => m["text"]!.GetValue<string>()).ToList();
        Assert.StartsWith("Готово", replies[0], StringComparison.Ordinal);
        Assert.StartsWith("Код не подошёл", replies[1], StringComparison.Ordinal);
        Assert.Equal("InProgress", _harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal($"telegram:{UkChat}:7", _harness.Scalar($"SELECT actor FROM incident_events WHERE incident_id = {id} AND type = 'taken'"));
        Assert.DoesNotContain(code, _harness.Scalar("SELECT group_concat(code_hash) FROM invite_codes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerButton_AsksForTheLink_AndTheReplyMarksTheIncidentAnswered()
    {
        var id = await OpenAsync("1", "Нет отопления");
        Bind("zhkh", UkChat);

        await Handle(FakeAlertBotApi.Callback(1, UkChat, 7, $"answer:{id}"));
        await Handle(FakeAlertBotApi.Message(2, UkChat, 7, "https://vk.com/wall-1_1?reply=5"));

        var messages = _api.Calls("sendMessage");
        Assert.True(messages[0]["reply_markup"]!["force_reply"]!.GetValue<bool>());
        Assert.Equal("Answered", _harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal("https://vk.com/wall-1_1?reply=5", _harness.Scalar($"SELECT answer_text FROM incidents WHERE id = {id}"));
        Assert.NotEqual("", _harness.Scalar($"SELECT answer_score FROM incidents WHERE id = {id}")); // a bare link names no action: a low score
        Assert.Contains("«Ответ дан»", messages[1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotOursButton_TakesTheReasonAndSendsTheIncidentBackToTheMcu()
    {
        var id = await OpenAsync("1", "Нет отопления");
        Bind("zhkh", UkChat);

        await Handle(FakeAlertBotApi.Callback(1, UkChat, 7, $"reject:{id}"));
        await Handle(FakeAlertBotApi.Message(2, UkChat, 7, "Дом обслуживает ТСЖ «Мир», не УК"));

        Assert.Equal("Rejected", _harness.Scalar($"SELECT status FROM incidents WHERE id = {id}"));
        Assert.Equal("Дом обслуживает ТСЖ «Мир», не УК", _harness.Scalar($"SELECT reject_reason FROM incidents WHERE id = {id}"));
        Assert.Equal("mcu", _harness.Scalar("SELECT recipient_id FROM alert_outbox WHERE kind = 'incident.rejected'"));
    }

    [Fact]
    public async Task WrongCategoryButton_StoresTrainingFeedback()
    {
        var id = await OpenAsync("1", "Яма на дороге у дома");
        Bind("zhkh", UkChat);

        await Handle(FakeAlertBotApi.Callback(1, UkChat, 7, $"category:{id}"));
        var keyboard = _api.Calls("sendMessage")[0]["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["callback_data"]!.GetValue<string>()).ToList();
        Assert.Contains($"sector:{id}:roads", keyboard);
        Assert.DoesNotContain($"sector:{id}:zhkh", keyboard); // the current one is not offered
        await Handle(FakeAlertBotApi.Callback(2, UkChat, 7, $"sector:{id}:roads"));

        Assert.Equal("sector=roads", _harness.Scalar("SELECT field || '=' || value FROM training_feedback"));
        Assert.Equal("zhkh → roads", _harness.Scalar($"SELECT details FROM incident_events WHERE incident_id = {id} AND type = 'category_corrected'"));
    }

    [Fact]
    public async Task MyCommand_ListsOpenIncidentsWithDeadlines_AndUnboundChatsAreTold()
    {
        var id = await OpenAsync("1", "Нет отопления");
        Bind("zhkh", UkChat);

        await Handle(FakeAlertBotApi.Message(1, UkChat, 7, "/my@mcu_alerts_bot"));
        await Handle(FakeAlertBotApi.Message(2, StrangerChat, 8, "/my"));

        var replies = _api.Calls("sendMessage").Select(m => m["text"]!.GetValue<string>()).ToList();
        Assert.Contains($"#{id} «Новый»", replies[0], StringComparison.Ordinal);
        Assert.Contains("срок 26.11 10:00", replies[0], StringComparison.Ordinal); // 24 working hours from Monday 10:00
        Assert.StartsWith("Этот чат не привязан", replies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotService_StoresTheOffset_SoAnUpdateIsHandledOnce()
    {
        var id = await OpenAsync("1", "Нет отопления");
        Bind("zhkh", UkChat);
        _api.AddUpdate(FakeAlertBotApi.Callback(41, UkChat, 7, $"take:{id}"));

        var service = new TelegramBotService(_api.Client(), Updates(), _harness.Store.Database,
            Options.Create(new TelegramBotOptions { UpdatesTimeoutSeconds = 0 }), _harness.Time, NullLogger<TelegramBotService>.Instance);
        Assert.Equal(1, await service.PollOnceAsync(CancellationToken.None));
        Assert.Equal(0, await service.PollOnceAsync(CancellationToken.None));

        Assert.Equal("42", _harness.Scalar("SELECT value FROM bot_state"));
        Assert.Single(_api.Calls("answerCallbackQuery"));
    }

    private async Task<long> OpenAsync(string postId, string text)
    {
        var id = await _harness.OpenAsync(postId);
        using var connection = _harness.Store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE posts SET text = $text";
        command.Parameters.AddWithValue("$text", text);
        command.ExecuteNonQuery();
        return id;
    }

    private void Bind(string recipient, long chat)
    {
        var code = Directory().CreateInvite(recipient, TimeSpan.FromDays(1), "test");
        Assert.NotNull(Directory().Redeem(code, chat.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
    }

    private RecipientDirectory Directory() => new(_harness.Store.Database, Options.Create(_harness.Routing), Municipality(), _harness.Time);

    private static IOptions<MunicipalityOptions> Municipality() => Options.Create(new MunicipalityOptions { Id = "test-mun", TimeZone = "Europe/Moscow" });

    private AlertDispatcher Dispatcher()
    {
        var outbox = new SqliteAlertOutbox(_harness.Store.Database, Options.Create(_harness.Routing), Options.Create(TestConfiguration.Classification()), Options.Create(TestConfiguration.Territory()));
        var sender = new TelegramAlertSender(_api.Client(), Directory(), new AlertDeliveries(_harness.Store.Database, _harness.Time), Options.Create(_alerts), Municipality());
        return new AlertDispatcher(outbox, sender, Options.Create(_alerts), _harness.Time, NullLogger<AlertDispatcher>.Instance);
    }

    private TelegramBotUpdates Updates() => new(
        _api.Client(), Directory(), _harness.Service, new RubricAnswerScorer(Mcu.Monitor.Tests.Answers.AnswerTestSetup.Rubric()), _harness.Store.Database, Options.Create(new TelegramBotOptions()),
        Options.Create(TestConfiguration.Classification()), Municipality(), _harness.Time, NullLogger<TelegramBotUpdates>.Instance);

    private Task Handle(JsonObject update) =>
        Updates().HandleAsync(System.Text.Json.JsonSerializer.Deserialize<Update>(update.ToJsonString(), global::Telegram.Bot.JsonBotAPI.Options)!, CancellationToken.None);
}
