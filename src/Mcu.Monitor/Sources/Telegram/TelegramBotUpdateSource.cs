using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Domain;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>
/// Channel posts, group messages and their edits of the chats the bot is a member of, through
/// <c>getUpdates</c> (PLATFORM-APIS.md §3.2). The cursor is the next offset (<c>update_id + 1</c>): the
/// pipeline commits it with the posts, and the next poll passes the committed value, which is also what
/// confirms the updates to Telegram. One request per poll, on purpose: asking for the next batch inside
/// the same poll would confirm updates that are not committed yet, and a crash would lose them. So one poll
/// reads at most <see cref="BatchLimit"/> updates, and <see cref="TelegramOptions.BotPollInterval"/> (default
/// 1 minute) bounds how fast a backlog drains; draining faster needs the scheduler to re-poll a backlogged source.
/// Telegram.Bot retries 429 itself (<c>RetryThreshold</c>); this class adds no retry of its own.
/// </summary>
public sealed class TelegramBotUpdateSource(
    ITelegramBotClient bot,
    string municipality,
    IOperatorAlerts operatorAlerts,
    ILogger logger,
    string? secret = null) : IPostSource
{
    public const string SourceId = "telegram:bot";

    /// <summary>The Bot API's largest batch.</summary>
    internal const int BatchLimit = 100;

    internal static readonly UpdateType[] AllowedUpdates =
        [UpdateType.ChannelPost, UpdateType.EditedChannelPost, UpdateType.Message, UpdateType.EditedMessage];

    public string Id => SourceId;

    public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = ParseCursor(cursor);
        var updates = await GetUpdatesAsync(offset, cancellationToken);
        TelegramLog.UpdatesReceived(logger, Id, updates.Length, offset?.ToString(CultureInfo.InvariantCulture) ?? "none");

        // The Bot API returns updates in order; sorting costs nothing and keeps "oldest first" a local fact.
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            if (offset is { } o && update.Id < o)
            {
                TelegramLog.DuplicateUpdate(logger, Id, update.Id, o);
                continue;
            }

            var next = (update.Id + 1L).ToString(CultureInfo.InvariantCulture);
            yield return new SourceItem(ToPost(update), next);
        }

        if (updates.Length >= BatchLimit)
        {
            TelegramLog.MoreUpdatesPending(logger, Id);
        }
    }

    /// <summary>
    /// An edit (<c>edited_message</c>, <c>edited_channel_post</c>) has the key of the original message and is
    /// reported like a new item: the pipeline stores a known key with a new text as an edit (the new text, the
    /// previous one kept in the post's history) and drops it when the text is unchanged.
    /// </summary>
    private Post? ToPost(Update update)
    {
        var message = update.Message ?? update.EditedMessage ?? update.ChannelPost ?? update.EditedChannelPost;
        if (message is null)
        {
            TelegramLog.UpdateIgnored(logger, Id, update.Id, update.Type.ToString());
            return null;
        }

        if (message.MigrateToChatId is { } newChatId)
        {
            TelegramLog.ChatMigrated(logger, Id, message.Chat.Id, newChatId);
            return null;
        }

        var post = TelegramMessageMapper.ToPost(message, Id, municipality);
        if (post is null)
        {
            TelegramLog.UpdateIgnored(logger, Id, update.Id, message.Type.ToString());
        }

        return post;
    }

    private int? ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return offset;
        }

        TelegramLog.BadCursor(logger, Id, cursor);
        return null;
    }

    /// <summary>The choke point: every failure of the Bot API call leaves as a <see cref="TelegramApiException"/>.</summary>
    private async Task<Update[]> GetUpdatesAsync(int? offset, CancellationToken cancellationToken)
    {
        try
        {
            return await bot.GetUpdates(offset, BatchLimit, timeout: 0, AllowedUpdates, cancellationToken);
        }
        catch (ApiRequestException ex)
        {
            throw Map(ex);
        }
        catch (RequestException ex)
        {
            var transient = ex.HttpStatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                || (int)ex.HttpStatusCode >= 500 || ex.InnerException is System.Text.Json.JsonException;
            var reason = Scrub($"{ex.Message} (HTTP {(ex.HttpStatusCode is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "none")})");
            TelegramLog.BotRequestFailed(logger, Id, reason);
            throw new TelegramApiException($"Telegram Bot API request failed: {reason}", ex.HttpStatusCode is { } code ? (int)code : null, transient);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TelegramLog.BotRequestFailed(logger, Id, "timeout");
            throw new TelegramApiException("Telegram Bot API request timed out", null, isTransient: true);
        }
        catch (HttpRequestException ex)
        {
            var reason = Scrub(ex.Message);
            TelegramLog.BotRequestFailed(logger, Id, reason);
            throw new TelegramApiException($"Telegram Bot API request failed: {reason}", null, isTransient: true);
        }
    }

    private TelegramApiException Map(ApiRequestException ex)
    {
        var description = Scrub(ex.Message);
        var retryAfter = ex.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        switch (ex.ErrorCode)
        {
            // 404 is what the Bot API answers to a malformed token: just as terminal as 401.
            case 401 or 404:
                TelegramLog.TokenRejected(logger, Id, ex.ErrorCode);
                operatorAlerts.Raise(
                    "telegram-token",
                    $"Telegram Bot API refused the bot token (error {ex.ErrorCode}): Telegram updates are not read. "
                    + "Issue a new token with @BotFather and set Sources__Telegram__BotToken.");
                return new TelegramApiException($"Telegram Bot API refused the bot token (error {ex.ErrorCode})", ex.ErrorCode, isTransient: false);
            case 400 when ex.Parameters?.MigrateToChatId is { } newChatId:
                TelegramLog.MigrateError(logger, Id, newChatId);
                return new TelegramApiException($"Telegram Bot API error 400: {description}", 400, isTransient: false) { MigrateToChatId = newChatId };
            default:
                // 429 here means the wait was above RetryThreshold or the library's retries ran out.
                var transient = ex.ErrorCode is 429 or >= 500;
                TelegramLog.BotApiError(logger, Id, ex.ErrorCode, description, transient, retryAfter);
                return new TelegramApiException($"Telegram Bot API error {ex.ErrorCode}: {description}", ex.ErrorCode, transient, retryAfter);
        }
    }

    /// <summary>The token is part of every Bot API URL; whatever text reaches a log or an exception loses it.</summary>
    private string Scrub(string text) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);
}
