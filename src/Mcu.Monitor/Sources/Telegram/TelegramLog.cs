using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>Telegram source log events, ids 2300–2399. Never the token, never post texts.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(2300, LogLevel.Information, "Source {SourceId}: Bot API returned {Count} updates from offset {Offset}")]
    public static partial void UpdatesReceived(ILogger logger, string sourceId, int count, string offset);

    [LoggerMessage(2301, LogLevel.Debug, "Source {SourceId}: update {UpdateId} of type {UpdateType} carries no post; skipped")]
    public static partial void UpdateIgnored(ILogger logger, string sourceId, int updateId, string updateType);

    [LoggerMessage(2302, LogLevel.Warning, "Source {SourceId}: update {UpdateId} is older than the offset {Offset}; ignored as a duplicate")]
    public static partial void DuplicateUpdate(ILogger logger, string sourceId, int updateId, int offset);

    [LoggerMessage(2303, LogLevel.Warning, "Source {SourceId}: chat {ChatId} was upgraded to supergroup {NewChatId}; its new messages come under the new id")]
    public static partial void ChatMigrated(ILogger logger, string sourceId, long chatId, long newChatId);

    [LoggerMessage(2304, LogLevel.Warning, "Source {SourceId}: Bot API error {ErrorCode} ({Description}); transient {IsTransient}, retry after {RetryAfter}")]
    public static partial void BotApiError(ILogger logger, string sourceId, int errorCode, string description, bool isTransient, TimeSpan? retryAfter);

    [LoggerMessage(2305, LogLevel.Error, "Source {SourceId}: the Bot API refused the bot token (error {ErrorCode}); reading stops until the token is replaced")]
    public static partial void TokenRejected(ILogger logger, string sourceId, int errorCode);

    [LoggerMessage(2306, LogLevel.Warning, "Source {SourceId}: group upgraded to a supergroup, new chat id {NewChatId} (Bot API 400 migrate_to_chat_id)")]
    public static partial void MigrateError(ILogger logger, string sourceId, long newChatId);

    [LoggerMessage(2307, LogLevel.Warning, "Source {SourceId}: Bot API request failed: {Reason}")]
    public static partial void BotRequestFailed(ILogger logger, string sourceId, string reason);

    [LoggerMessage(2308, LogLevel.Warning, "Source {SourceId}: cursor '{Cursor}' is not a number; reading from the start")]
    public static partial void BadCursor(ILogger logger, string sourceId, string cursor);

    [LoggerMessage(2309, LogLevel.Information, "Source {SourceId}: the Bot API may hold more updates; they are read at the next poll, after this batch is committed")]
    public static partial void MoreUpdatesPending(ILogger logger, string sourceId);

    [LoggerMessage(2320, LogLevel.Debug, "Source {SourceId}: page {Page} (before {Before}) has {Count} messages, ids {FirstId}..{LastId}")]
    public static partial void WebPageRead(ILogger logger, string sourceId, int page, string before, int count, long firstId, long lastId);

    [LoggerMessage(2321, LogLevel.Warning, "Source {SourceId}: message {DataPost} skipped: {Reason}")]
    public static partial void WebMessageSkipped(ILogger logger, string sourceId, string dataPost, string reason);

    [LoggerMessage(2322, LogLevel.Warning, "Source {SourceId}: page {Page} (before {Before}) has no messages; stopping")]
    public static partial void WebPageEmpty(ILogger logger, string sourceId, int page, string before);

    [LoggerMessage(2323, LogLevel.Warning, "Source {SourceId}: {Pages} pages read without reaching the last seen message {Cursor}; nothing is yielded this poll and the next poll goes on from before={ResumeBefore} (raise MaxPagesPerPoll or poll more often)")]
    public static partial void WebGap(ILogger logger, string sourceId, int pages, long cursor, long resumeBefore);

    [LoggerMessage(2324, LogLevel.Warning, "Source {SourceId}: web preview request failed: {Reason}")]
    public static partial void WebRequestFailed(ILogger logger, string sourceId, string reason);

    [LoggerMessage(2325, LogLevel.Information, "Source {SourceId}: read {Pages} pages, {Count} new messages after {Cursor}")]
    public static partial void WebRead(ILogger logger, string sourceId, int pages, int count, string cursor);
}
