using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Mcu.Monitor.Alerts.Telegram;

/// <summary>
/// Sends an alert to every chat of its recipient. Telegram.Bot retries a 429 itself (<see cref="TelegramBotOptions.RetryThresholdSeconds"/>);
/// there is no second retry layer here — a failure goes back to the outbox, which retries with back-off. Each
/// chat's delivery is recorded right after its send (<see cref="AlertDeliveries"/>), so a retry or a restart
/// skips the chats already served.
/// </summary>
public sealed class TelegramAlertSender(
    ITelegramBotClient bot,
    RecipientDirectory recipients,
    AlertDeliveries deliveries,
    IOptions<AlertsOptions> alerts,
    IOptions<MunicipalityOptions> municipality) : IAlertSender
{
    public const string ChannelName = "telegram";

    private readonly TimeZoneInfo _timeZone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);

    public string Channel => ChannelName;

    public async Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        await TelegramChats.SendToRecipientAsync(
            bot, recipients, message.RecipientId,
            TelegramAlertFormatter.Format(message, _timeZone, alerts.Value.MaxTextLength), TelegramAlertFormatter.Buttons(message),
            deliveries.Delivered(message.AlertId), (chat, id) => deliveries.Record(message.AlertId, chat, id), cancellationToken);
        return string.Join(',', deliveries.Delivered(message.AlertId).Values.Where(v => v is not null));
    }
}
