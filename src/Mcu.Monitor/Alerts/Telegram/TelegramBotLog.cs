using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Alerts.Telegram;

internal static partial class TelegramBotLog
{
    [LoggerMessage(6100, LogLevel.Warning, "Refused a button from chat {Chat} for incident {IncidentId}: the chat is not bound to its recipient")]
    public static partial void Refused(ILogger logger, string chat, long incidentId);

    [LoggerMessage(6101, LogLevel.Error, "Bot update {UpdateId} could not be handled; it is skipped")]
    public static partial void UpdateFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(6102, LogLevel.Warning, "Reading the bot's updates failed ({Reason}); retrying in {Delay}")]
    public static partial void PollFailed(ILogger logger, string reason, TimeSpan delay);
}
