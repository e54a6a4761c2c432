using System.Globalization;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Telegram;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

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
        var chats = recipients.ChatsOf(alert.RecipientId);
        if (chats.Count == 0)
        {
            throw new AlertDeliveryException($"recipient '{alert.RecipientId}' has no Telegram chat: bind one with `recipients invite {alert.RecipientId}`");
        }

        var html = TelegramSpikeFormatter.Format(alert, _timeZone, alerts.Value.MaxTextLength);
        var done = store.Delivered(alert.SpikeId);
        var failures = new List<string>();
        foreach (var chat in chats.Where(c => !done.ContainsKey(c)))
        {
            try
            {
                var sent = await bot.SendMessage(
                    TelegramAlertSender.ChatOf(chat), html, ParseMode.Html,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken);
                store.RecordDelivery(alert.SpikeId, chat, sent.MessageId.ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
            }
            catch (ApiRequestException ex)
            {
                failures.Add($"chat {chat}: {ex.ErrorCode} {ex.Message}");
            }
            catch (RequestException ex)
            {
                failures.Add($"chat {chat}: {(ex.HttpStatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no response")}");
            }
        }

        if (failures.Count > 0)
        {
            throw new AlertDeliveryException("Telegram refused: " + string.Join("; ", failures));
        }

        return string.Join(',', store.Delivered(alert.SpikeId).Values.Where(v => v is not null));
    }
}
