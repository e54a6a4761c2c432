using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>Log events of the weekly note (7100–7199).</summary>
internal static partial class WeeklyNoteLog
{
    [LoggerMessage(7100, LogLevel.Information, "Weekly note {Week} written to {DocxPath} and {HtmlPath}")]
    public static partial void Written(ILogger logger, string week, string docxPath, string htmlPath);

    [LoggerMessage(7101, LogLevel.Information, "Weekly note {Week} sent to chat {Chat} of {Recipient}")]
    public static partial void Sent(ILogger logger, string week, string chat, string recipient);

    [LoggerMessage(7102, LogLevel.Debug, "Weekly note {Week} already delivered; nothing to do")]
    public static partial void AlreadyDone(ILogger logger, string week);

    [LoggerMessage(7103, LogLevel.Warning, "Recipient {Recipient} of the weekly note has no Telegram chat: bind one with `recipients invite {Recipient}`")]
    public static partial void NoChat(ILogger logger, string recipient);

    [LoggerMessage(7104, LogLevel.Warning, "Weekly note {Week} not sent to chat {Chat}: {Problem}; the next firing retries it")]
    public static partial void NotSent(ILogger logger, string week, string chat, string problem);

    [LoggerMessage(7105, LogLevel.Error, "The weekly note failed; the next firing tries again")]
    public static partial void Failed(ILogger logger, Exception exception);
}
