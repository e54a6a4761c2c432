using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Email;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Tests.Alerts.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Alerts;

public sealed class FallbackAlertSenderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task FreshAlert_GoesByTheBot()
    {
        await using var server = new FakeSmtpServer();
        var bot = new FailingBot();
        var sender = Sender(server, bot, enabled: true);

        await Assert.ThrowsAsync<AlertDeliveryException>(() => sender.DeliverAsync(Alert(createdMinutesAgo: 5), CancellationToken.None));

        Assert.Equal(1, bot.Attempts);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task AlertTheBotCouldNotDeliverForLongerThanTheThreshold_GoesByEmail()
    {
        await using var server = new FakeSmtpServer();
        var bot = new FailingBot();

        var receipt = await Sender(server, bot, enabled: true).DeliverAsync(Alert(createdMinutesAgo: 31), CancellationToken.None);

        Assert.Equal("email", receipt.Channel);
        Assert.Equal(0, bot.Attempts);
        Assert.Equal(["jkh@example.ru"], Assert.Single(server.Messages).Recipients);
    }

    [Fact]
    public async Task WithoutEmail_TheBotKeepsTrying()
    {
        await using var server = new FakeSmtpServer();
        var bot = new FailingBot();

        await Assert.ThrowsAsync<AlertDeliveryException>(() => Sender(server, bot, enabled: false).DeliverAsync(Alert(createdMinutesAgo: 600), CancellationToken.None));

        Assert.Equal(1, bot.Attempts);
        Assert.Empty(server.Messages);
    }

    private static FallbackAlertSender Sender(FakeSmtpServer server, IAlertSender bot, bool enabled)
    {
        var email = new EmailOptions
        {
            Enabled = enabled, Host = "127.0.0.1", Port = server.Port, Security = "None", From = "mcu@example.ru",
            Timeout = TimeSpan.FromSeconds(5), FallbackAfter = TimeSpan.FromMinutes(30),
        };
        var routing = new RoutingOptions { DefaultRecipient = "zhkh", Recipients = [new RecipientOptions { Id = "zhkh", Name = "ЖКХ", Emails = ["jkh@example.ru"] }] };
        var time = new FakeTimeProvider(Now);
        var mail = new EmailAlertSender(Options.Create(email), new ConfiguredRecipientContacts(Options.Create(routing)), Options.Create(new AlertsOptions()),
            Options.Create(new MunicipalityOptions()), time, NullLogger<EmailAlertSender>.Instance);
        return new FallbackAlertSender(bot, mail, Options.Create(email), time);
    }

    private static AlertMessage Alert(int createdMinutesAgo) => new()
    {
        AlertId = 1, IdempotencyKey = "incident.opened:vk:-1:1", Kind = "incident.opened", IncidentId = 1, RecipientId = "zhkh", RecipientName = "ЖКХ",
        Sector = "zhkh", SectorName = "ЖКХ", Risk = RiskLevel.Medium, Reasons = [], DueAt = Now.AddHours(8), Network = Network.Vk,
        PostText = "Нет воды", PublishedAt = Now.AddHours(-1), CreatedAt = Now.AddMinutes(-createdMinutesAgo),
    };

    private sealed class FailingBot : IAlertSender
    {
        public int Attempts { get; private set; }

        public string Channel => "telegram";

        public Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken)
        {
            Attempts++;
            throw new AlertDeliveryException("Telegram refused: chat -1: 403 Forbidden");
        }
    }
}
