using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.File;

/// <summary>File source log events, ids 2000–2099. Line numbers and reasons only, never line contents.</summary>
internal static partial class FileSourceLog
{
    [LoggerMessage(2000, LogLevel.Warning, "Source {SourceId}: line {Line} skipped: {Reason}")]
    public static partial void LineSkipped(ILogger logger, string sourceId, long line, string reason);

    [LoggerMessage(2001, LogLevel.Warning, "Source {SourceId}: line {Line} kept with a repair: {Reason}")]
    public static partial void LineRepaired(ILogger logger, string sourceId, long line, string reason);

    [LoggerMessage(2002, LogLevel.Information, "Source {SourceId}: last line {Line} has no line break and does not parse yet; it is left for the next read")]
    public static partial void IncompleteLastLine(ILogger logger, string sourceId, long line);

    [LoggerMessage(2003, LogLevel.Warning, "Source {SourceId}: the file is not the one the saved cursor was taken from; reading it from the start")]
    public static partial void FileReplaced(ILogger logger, string sourceId);
}
