using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Alerts.Email;

/// <summary>
/// E-mail alert log events, ids 4050–4059 (the upper half of the alerts range, clear of the dispatcher's 40xx and
/// the Telegram sender's). Ids and counts only: the message quotes a post.
/// </summary>
internal static partial class EmailLog
{
    [LoggerMessage(4050, LogLevel.Debug, "Alert {AlertId} accepted by {Host} for {Count} addresses as {MessageId}")]
    public static partial void Accepted(ILogger logger, long alertId, string host, int count, string messageId);

    [LoggerMessage(4051, LogLevel.Debug, "Alert {AlertId} was accepted, but closing the SMTP session failed; it counts as delivered")]
    public static partial void DisconnectFailed(ILogger logger, Exception exception, long alertId);
}
