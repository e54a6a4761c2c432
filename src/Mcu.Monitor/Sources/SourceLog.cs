using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources;

/// <summary>Source scheduling log events, ids 1100–1199.</summary>
internal static partial class SourceLog
{
    [LoggerMessage(1100, LogLevel.Error, "Source {SourceId} failed ({Failures} in a row); other sources go on, it is polled again in {Delay}")]
    public static partial void SourceFailed(ILogger logger, Exception exception, string sourceId, int failures, TimeSpan delay);

    [LoggerMessage(1101, LogLevel.Debug, "Source {SourceId} skipped: backing off after {Failures} failures until {RetryAt}")]
    public static partial void SourceBackingOff(ILogger logger, string sourceId, int failures, DateTimeOffset retryAt);
}
