using Mcu.Monitor.Alerts;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Spikes;
using Mcu.Monitor.Tests.Alerts.Telegram;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Spikes;

/// <summary>A spike through the alert bot, against the loopback fake of the Bot API.</summary>
public sealed class TelegramSpikeChannelTests
{
    private const long HeadChat = -100777;
    private static readonly DateTimeOffset BurstStart = new(2026, 11, 20, 10, 5, 0, TimeSpan.FromHours(3));

    [Fact]
    public async Task Spike_ToTheHeadsChat_CountAndEscapedExcerpts_SentOnce()
    {
        await using var api = new FakeAlertBotApi();
        var routing = TestConfiguration.Routing();
        routing.Recipients.Single(r => r.Id == "mcu-head").TelegramChatIds.Add(HeadChat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var context = new SpikeTestContext(BurstStart.AddMinutes(45), routing);
        for (var i = 0; i < 7; i++)
        {
            await context.PostAsync(BurstStart.AddMinutes(5 * i), "zhkh", "ilovka", RiskLevel.High, $"Нет воды <b>{i}</b> & «опять» <script>x</script>");
        }

        Assert.Equal(1, context.Watcher.Check());
        var channel = new TelegramSpikeChannel(api.Client(), new RecipientDirectory(context.Store.Database, Options.Create(routing), context.Municipality, context.Time),
            context.Spikes, Options.Create(new AlertsOptions()), context.Municipality, context.Time);
        var notifier = context.Notifier(channel);

        Assert.Equal((1, 0), await notifier.DeliverAsync(CancellationToken.None));
        Assert.Equal((0, 0), await notifier.DeliverAsync(CancellationToken.None));

        var sent = Assert.Single(api.Calls("sendMessage"));
        Assert.Equal(HeadChat.ToString(System.Globalization.CultureInfo.InvariantCulture), sent["chat_id"]!.ToString());
        var html = sent["text"]!.GetValue<string>();
        Assert.Contains("Негативных сообщений: 7 за 20.11 09:45–10:45", html, StringComparison.Ordinal); // Moscow time
        Assert.Contains("Жилищно-коммунальное хозяйство", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://vk.com/wall-1_", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("<a href=", StringSplitOptions.None).Length - 1); // five posts quoted
        Assert.Contains("… и ещё 2", html, StringComparison.Ordinal);
        var visible = FakeAlertBotApi.Visible(html);
        Assert.Contains("«Нет воды <b>", visible, StringComparison.Ordinal);
        Assert.Equal(1, context.Store.Count("SELECT COUNT(*) FROM risk_spikes WHERE channel = 'telegram' AND delivery_id = '101' AND sent_at IS NOT NULL"));
        Assert.Equal(1, context.Store.Count("SELECT COUNT(*) FROM risk_spike_deliveries"));
    }

    [Fact]
    public async Task Spike_HeadWithoutChat_FailsAndStaysQueued()
    {
        await using var api = new FakeAlertBotApi();
        using var context = new SpikeTestContext(BurstStart.AddMinutes(45));
        for (var i = 0; i < 6; i++)
        {
            await context.PostAsync(BurstStart.AddMinutes(5 * i), "zhkh", "ilovka", RiskLevel.High);
        }

        context.Watcher.Check();
        var channel = new TelegramSpikeChannel(api.Client(), new RecipientDirectory(context.Store.Database, Options.Create(context.Routing), context.Municipality, context.Time),
            context.Spikes, Options.Create(new AlertsOptions()), context.Municipality, context.Time);

        Assert.Equal((0, 1), await context.Notifier(channel).DeliverAsync(CancellationToken.None));
        Assert.Empty(api.Calls("sendMessage"));
        Assert.Equal(1, context.Spikes.CountPending());
    }
}
