using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources;

/// <summary>Source scheduling log events, ids 1100–1199.</summary>
internal static partial class SourceLog
{
    [LoggerMessage(1100, LogLevel.Error, "Source {SourceId} failed; other sources go on and it is retried at its next poll")]
    public static partial void SourceFailed(ILogger logger, Exception exception, string sourceId);
}
