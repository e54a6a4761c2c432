using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Reports;

/// <summary>Report log events, ids 7000–7049.</summary>
internal static partial class ReportsLog
{
    [LoggerMessage(7000, LogLevel.Information, "Indicator report for {Period} written: {Xlsx} and {Csv}")]
    public static partial void IndicatorsWritten(ILogger logger, string period, string xlsx, string csv);

    [LoggerMessage(7001, LogLevel.Error, "The indicator report for {Period} failed")]
    public static partial void IndicatorsFailed(ILogger logger, Exception exception, string period);

    [LoggerMessage(7002, LogLevel.Information, "Indicator report scheduled by '{Cron}' ({TimeZone}), next at {Next}")]
    public static partial void IndicatorsScheduled(ILogger logger, string cron, string timeZone, DateTimeOffset? next);
}
