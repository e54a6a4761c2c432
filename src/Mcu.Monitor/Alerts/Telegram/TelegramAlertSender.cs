using System.Globalization;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

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
        var chats = recipients.ChatsOf(message.RecipientId);
        if (chats.Count == 0)
        {
            throw new AlertDeliveryException($"recipient '{message.RecipientId}' has no Telegram chat: bind one with `recipients invite {message.RecipientId}`");
        }

        var html = TelegramAlertFormatter.Format(message, _timeZone, alerts.Value.MaxTextLength);
        var buttons = TelegramAlertFormatter.Buttons(message);
        var done = deliveries.Delivered(message.AlertId);
        var failures = new List<string>();
        foreach (var chat in chats.Where(c => !done.ContainsKey(c)))
        {
            try
            {
                var sent = await bot.SendMessage(
                    ChatOf(chat), html, ParseMode.Html, replyMarkup: buttons,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken);
                deliveries.Record(message.AlertId, chat, sent.MessageId.ToString(CultureInfo.InvariantCulture));
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

        return string.Join(',', deliveries.Delivered(message.AlertId).Values.Where(v => v is not null));
    }

    /// <summary>Numeric ids are chats, groups and channels; an <c>@username</c> addresses a public channel.</summary>
    internal static ChatId ChatOf(string chat) =>
        long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? new ChatId(id) : new ChatId(chat);
}
