using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Reports.Weekly;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Mcu.Monitor.Tests.Reports.Weekly;

/// <summary>The scheduled note: written, sent through the bot to the recipients' chats, once per week across runs.</summary>
public class WeeklyNoteDeliveryTests
{
    [Fact]
    public async Task RunAsync_TwoRunsInTheSameWeek_SendsTheDocxToEachConfiguredChatOnce()
    {
        using var seed = new WeeklySeed();
        using var directory = new TempDirectory();
        await using var api = new FakeDocumentBotApi();

        var first = await Delivery(seed, directory, api.Client()).RunAsync(CancellationToken.None);
        // A restart: a new delivery over the same database; the schedule fires again in the same week.
        var second = await Delivery(seed, directory, api.Client()).RunAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(["-100111", "-100222"], api.Accepted.Select(d => d.Chat).Order(StringComparer.Ordinal));
        Assert.All(api.Accepted, d => Assert.Equal("weekly-note-2026-W48.docx", d.FileName));
        Assert.Contains("неделя 2026-W48", api.Accepted.First().Caption, StringComparison.Ordinal);
        Assert.True(File.Exists(directory.File("reports/weekly-note-2026-W48.docx")));
        Assert.True(File.Exists(directory.File("reports/weekly-note-2026-W48.html")));
    }

    [Fact]
    public async Task RunAsync_OneChatRefusesTheFirstTime_TheNextRunSendsToThatChatOnly()
    {
        using var seed = new WeeklySeed();
        using var directory = new TempDirectory();
        await using var api = new FakeDocumentBotApi();
        api.ScriptedByChat["-100111"] = LoopbackResponse.Json("""{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""", 400);

        await Delivery(seed, directory, api.Client()).RunAsync(CancellationToken.None);
        Assert.Equal(["-100222"], api.Accepted.Select(d => d.Chat));

        await Delivery(seed, directory, api.Client()).RunAsync(CancellationToken.None);
        await Delivery(seed, directory, api.Client()).RunAsync(CancellationToken.None);

        Assert.Equal(["-100111", "-100222"], api.Accepted.Select(d => d.Chat).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WithoutTheBot_WritesTheFilesOncePerWeek()
    {
        using var seed = new WeeklySeed();
        using var directory = new TempDirectory();

        var first = await Delivery(seed, directory, bot: null).RunAsync(CancellationToken.None);
        var second = await Delivery(seed, directory, bot: null).RunAsync(CancellationToken.None);

        Assert.Equal(directory.File("reports/weekly-note-2026-W48.docx"), first!.DocxPath);
        Assert.Null(second);
        Assert.Equal(1, seed.Reports.Store.Count("SELECT COUNT(*) FROM bot_state WHERE key = 'weekly-note:2026-W48'"));
    }

    [Fact]
    public async Task RunAsync_NextWeek_SendsAgain()
    {
        using var seed = new WeeklySeed();
        using var directory = new TempDirectory();
        await using var api = new FakeDocumentBotApi();

        await Delivery(seed, directory, api.Client()).RunAsync(CancellationToken.None);
        seed.Reports.Time.Advance(TimeSpan.FromDays(7));
        await Delivery(seed, directory, api.Client()).RunAsync(CancellationToken.None);

        Assert.Equal(4, api.Accepted.Count);
        Assert.True(File.Exists(directory.File("reports/weekly-note-2026-W49.docx")));
    }

    private static WeeklyNoteDelivery Delivery(WeeklySeed seed, TempDirectory directory, ITelegramBotClient? bot)
    {
        var routing = TestConfiguration.Routing();
        routing.Recipients.Single(r => r.Id == "mcu-head").TelegramChatIds.AddRange(["-100111", "-100222"]);
        var recipients = new RecipientDirectory(seed.Database, Options.Create(routing), Options.Create(new MunicipalityOptions { Id = "test-mun" }), seed.Reports.Time);
        var options = new WeeklyNoteOptions { OutputDirectory = directory.File("reports") };
        return new WeeklyNoteDelivery(seed.Writer, recipients, seed.Database, options, ReportSeed.Moscow, seed.Reports.Time,
            NullLogger<WeeklyNoteDelivery>.Instance, bot);
    }
}
