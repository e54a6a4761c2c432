using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Telegram;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Mcu.Monitor.Spikes;

/// <summary>
/// Sends a spike to every chat of its recipient (the head) through the alert bot, as <see cref="TelegramAlertSender"/>
/// sends alerts: each chat's delivery is recorded right after its send, so a retry serves only the chats that failed;
/// Telegram.Bot's own 429 retry is the only retry layer inside a send.
/// </summary>
public sealed class TelegramSpikeChannel(
    ITelegramBotClient bot,
    RecipientDirectory recipients,
    SqliteSpikeStore store,
    IOptions<AlertsOptions> alerts,
    IOptions<MunicipalityOptions> municipality,
    TimeProvider time) : ISpikeChannel
{
    private readonly TimeZoneInfo _timeZone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);

    public string Name => TelegramAlertSender.ChannelName;

    public async Task<string?> SendAsync(SpikeAlert alert, CancellationToken cancellationToken)
    {
        await TelegramChats.SendToRecipientAsync(
            bot, recipients, alert.RecipientId, TelegramSpikeFormatter.Format(alert, _timeZone, alerts.Value.MaxTextLength), null,
            store.Delivered(alert.SpikeId), (chat, id) => store.RecordDelivery(alert.SpikeId, chat, id, time.GetUtcNow()), cancellationToken);
        return string.Join(',', store.Delivered(alert.SpikeId).Values.Where(v => v is not null));
    }
}
