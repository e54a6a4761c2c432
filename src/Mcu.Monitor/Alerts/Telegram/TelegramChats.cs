using System.Globalization;
using Mcu.Monitor.Recipients;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Mcu.Monitor.Alerts.Telegram;

/// <summary>
/// Sends one HTML message to every chat of a recipient that has not had it yet, recording each chat's delivery right
/// after its send (so a retry or a restart serves only the chats that failed). Used by alerts and by spikes.
/// Telegram.Bot's own 429 retry is the only retry inside a send.
/// </summary>
public static class TelegramChats
{
    /// <summary>Sends <paramref name="html"/> (with <paramref name="buttons"/>, if any) to the recipient's chats not in <paramref name="delivered"/>.</summary>
    /// <param name="bot">The alert bot.</param>
    /// <param name="recipients">Where the recipient's chats are found.</param>
    /// <param name="recipientId">Who the message is for.</param>
    /// <param name="html">The message in Telegram's HTML parse mode, already escaped and cut to the limit.</param>
    /// <param name="buttons">The recipient's buttons, or null.</param>
    /// <param name="delivered">Chats already served, from the caller's delivery records.</param>
    /// <param name="record">Records one chat's delivery with Telegram's message id.</param>
    /// <param name="cancellationToken">Stops the sending.</param>
    public static async Task SendToRecipientAsync(
        ITelegramBotClient bot,
        RecipientDirectory recipients,
        string recipientId,
        string html,
        InlineKeyboardMarkup? buttons,
        IReadOnlyDictionary<string, string?> delivered,
        Action<string, string> record,
        CancellationToken cancellationToken)
    {
        var chats = recipients.ChatsOf(recipientId);
        if (chats.Count == 0)
        {
            throw new AlertDeliveryException($"recipient '{recipientId}' has no Telegram chat: bind one with `recipients invite {recipientId}`");
        }

        var failures = new List<string>();
        foreach (var chat in chats.Where(c => !delivered.ContainsKey(c)))
        {
            try
            {
                var sent = await bot.SendMessage(
                    ChatOf(chat), html, ParseMode.Html, replyMarkup: buttons,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken);
                record(chat, sent.MessageId.ToString(CultureInfo.InvariantCulture));
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
    }

    /// <summary>Numeric ids are chats, groups and channels; an <c>@username</c> addresses a public channel.</summary>
    public static ChatId ChatOf(string chat) =>
        long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? new ChatId(id) : new ChatId(chat);
}
